package io.ringsift.job;

import io.ringsift.key.KeySpec;
import io.ringsift.partial.FieldProfile;
import io.ringsift.partial.HashPairSet;
import io.ringsift.partial.PathProfile;
import io.ringsift.partial.StatsLevel;
import io.ringsift.report.Report;
import io.ringsift.source.UnitReader;
import io.ringsift.source.UnitResult;
import io.ringsift.source.jsonl.JsonlUnit;
import io.ringsift.source.jsonl.JsonlUnitReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bson.RawBsonDocument;

/**
 * JSON Lines (or JSON array) files as a job input: documents as a collection would hold them, read
 * from the files directly. Keys and field discovery are those of {@link MongoInput}.
 */
public final class JsonlInput implements DocumentInput<JsonlUnit> {
    private static final int SAMPLE_BYTES = 1 << 20;

    private final List<JsonlUnit> units;
    private final KeySpec key;
    private final int maxDepth;
    private final Consumer<String> onNewPath;
    private final boolean keepRaw;
    private boolean everyDocument;

    /**
     * @param keepRaw   readers attach each document's original line, for check output
     * @param onNewPath called once per path the first time any handler sees it ({@code --stream}), or null
     */
    public JsonlInput(List<JsonlUnit> units, KeySpec key, int maxDepth, Consumer<String> onNewPath, boolean keepRaw) {
        this.units = List.copyOf(units);
        this.key = key;
        this.maxDepth = maxDepth;
        this.onNewPath = onNewPath == null ? null : PathProfile.announceOnce(onNewPath);
        this.keepRaw = keepRaw;
    }

    /** Field discovery: every document counts, keyed by its whole bytes (none is rejected for a missing key field). */
    public JsonlInput everyDocument() {
        everyDocument = true;
        return this;
    }

    @Override
    public String keySource() {
        return "jsonl";
    }

    @Override
    public List<JsonlUnit> units() {
        return units;
    }

    @Override
    public String fingerprint() {
        StringBuilder sb = new StringBuilder("jsonl key=").append(key.describe());
        for (JsonlUnit u : units) {
            long modified;
            try {
                modified = Files.getLastModifiedTime(u.path()).toMillis();
            } catch (IOException e) {
                modified = -1;
            }
            sb.append(" | ").append(u.path().toAbsolutePath()).append(' ').append(u.start()).append('-').append(u.end())
                    .append(" size=").append(u.size()).append(" mtime=").append(modified);
        }
        return sb.toString();
    }

    @Override
    public UnitReader<JsonlUnit, RawBsonDocument> newReader() {
        return new JsonlUnitReader(everyDocument ? null : key, keepRaw);
    }

    @Override
    public UnitReader<JsonlUnit, RawBsonDocument> newVerifyingReader(HashPairSet only) {
        return new JsonlUnitReader(key, false, only);
    }

    @Override
    public PathProfile newProfile(StatsLevel level) {
        return level == StatsLevel.NONE ? null : new PathProfile(maxDepth, onNewPath);
    }

    /** Total bytes divided by the mean line length in the first megabyte of the first non-empty file. */
    @Override
    public long estimatedKeys() {
        Map<Path, Long> sizes = sizes();
        long total = sizes.values().stream().mapToLong(Long::longValue).sum();
        for (Map.Entry<Path, Long> f : sizes.entrySet()) {
            if (f.getValue() == 0) {
                continue;
            }
            try (InputStream in = Files.newInputStream(f.getKey())) {
                byte[] head = in.readNBytes(SAMPLE_BYTES);
                long lines = 0;
                for (byte b : head) {
                    if (b == '\n') {
                        lines++;
                    }
                }
                return Math.max(1000, total / Math.max(1, head.length / Math.max(1, lines)));
            } catch (IOException e) {
                break;
            }
        }
        return Math.max(1000, total / 200);
    }

    private Map<Path, Long> sizes() {
        Map<Path, Long> sizes = new LinkedHashMap<>();
        units.forEach(u -> sizes.putIfAbsent(u.path(), u.size()));
        return sizes;
    }

    @Override
    public List<Report.Source> sources(List<UnitResult> results) {
        Map<String, long[]> bySource = new LinkedHashMap<>();
        units.forEach(u -> bySource.putIfAbsent(u.source(), new long[3]));
        for (UnitResult r : results) {
            if (r != null) {
                long[] acc = bySource.get(units.get(r.unit()).source());
                acc[0] += r.records();
                acc[1] += r.rejected();
                acc[2] += r.bytes();
            }
        }
        List<Report.Source> out = new ArrayList<>();
        bySource.forEach((path, a) -> out.add(new Report.Source(path, a[0], a[1], a[2])));
        return out;
    }

    @Override
    public List<Report.FieldPath> fields(FieldProfile<?> merged) {
        return merged == null ? List.of() : MongoInput.paths((PathProfile) merged);
    }
}
