package io.ringsift.job;

import io.ringsift.key.KeySpec;
import io.ringsift.partial.ColumnStats;
import io.ringsift.partial.HashPairSet;
import io.ringsift.partial.KeyCounts;
import io.ringsift.partial.CsvFieldProfile;
import io.ringsift.partial.StatsPlacement;
import io.ringsift.partial.FieldProfile;
import io.ringsift.partial.StatsLevel;
import io.ringsift.partial.ValueType;
import io.ringsift.record.ByteRow;
import io.ringsift.report.Report;
import io.ringsift.source.UnitReader;
import io.ringsift.source.UnitResult;
import io.ringsift.source.csv.CsvDialect;
import io.ringsift.source.csv.CsvFile;
import io.ringsift.source.csv.CsvParser;
import io.ringsift.source.csv.CsvPlan;
import io.ringsift.source.csv.CsvUnit;
import io.ringsift.source.csv.CsvUnitReader;
import io.ringsift.source.csv.InputFile;
import io.ringsift.source.csv.RecordFramer;
import io.ringsift.source.csv.RecordSizeSampler;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;

/** CSV files as a job input. */
public final class CsvInput implements JobInput<CsvUnit, ByteRow> {
    private final CsvPlan plan;
    private final CsvDialect dialect;
    private final CsvParser parser;
    private final boolean keepRaw;
    private boolean values = true;
    private ReaderProfiles<ByteRow> readerProfiles;
    private StatsPlacement statsPlacement = StatsPlacement.AUTO;
    /** Every reader profile of every epoch, for {@link #columnsHandedOver}. */
    private final List<CsvFieldProfile> madeForReaders = new CopyOnWriteArrayList<>();
    private Report.Dialect reportDialect;
    /** {@link #estimatedKeys()} once worked out (it reads sample windows of the files); -1 before. */
    private long estimatedKeys = -1;

    public CsvInput(CsvPlan plan, CsvDialect dialect, CsvParser parser, boolean keepRaw) {
        this.plan = plan;
        this.dialect = dialect;
        this.parser = parser;
        this.keepRaw = keepRaw;
    }

    /** No stage reads row values (no field statistics): readers then make no strings at all. */
    public CsvInput withoutValues() {
        values = false;
        return this;
    }

    /** Which threads keep the column statistics ({@code --stats-on}); the figures are the same. */
    public CsvInput withStatsPlacement(StatsPlacement placement) {
        statsPlacement = placement;
        return this;
    }

    /** Records how the input was read (delimiter given or sniffed, quote, charset) for report.json. */
    public CsvInput withDialect(Report.Dialect d) {
        reportDialect = d;
        return this;
    }

    @Override
    public Report.Dialect dialect() {
        return reportDialect;
    }

    @Override
    public long totalBytes() {
        long total = 0;
        for (CsvFile f : plan.files()) {
            if (f.size() < 0) {
                return -1;
            }
            total += f.size();
        }
        return total;
    }

    /** True when an input is a stream (standard input, a pipe): it can be read only once. */
    public boolean hasStream() {
        return plan.files().stream().anyMatch(f -> f.input().isStream());
    }

    /** The dialect the files are read with (sniffed or given). */
    public CsvDialect csvDialect() {
        return dialect;
    }

    public CsvPlan plan() {
        return plan;
    }

    @Override
    public String keySource() {
        return "csv";
    }

    @Override
    public List<CsvUnit> units() {
        return plan.units();
    }

    @Override
    public String fingerprint() {
        StringBuilder sb = new StringBuilder("csv ").append(dialect).append(" parser=").append(parser);
        for (CsvFile f : plan.files()) {
            // file key (inode), size and modification time as planned: a replaced file is not resumed
            sb.append(" | ").append(f.path().toAbsolutePath()).append(' ')
                    .append(f.identity() != null ? f.identity().describe() : "size=" + f.size());
        }
        sb.append(" | units=");
        plan.units().forEach(u -> sb.append(u.start()).append('-').append(u.end()).append(';'));
        return sb.toString();
    }

    @Override
    public UnitReader<CsvUnit, ByteRow> newReader() {
        return new CsvUnitReader(dialect, parser, keepRaw, null, values, readerProfiles == null ? null : readerProfiles.next());
    }

    /**
     * The readers keep the column statistics: a row's bytes are in the reader's cache when it is
     * framed, and copying every field into the batch for a handler on another core cost more than
     * the statistics themselves (docs/benchmarks.md, "What the field statistics cost a whole run").
     * With {@code --stats-on auto} a reader still hands single columns, with their values only, to
     * handlers that wait for it ("Columns handed to the handlers").
     */
    @Override
    public ReaderProfiles<ByteRow> statsOnReaders(StatsLevel level) {
        if (level == StatsLevel.NONE) {
            return null;
        }
        readerProfiles = new ReaderProfiles<>(() -> {
            CsvFieldProfile p = newProfile(level);
            p.handingOver(statsPlacement);
            madeForReaders.add(p);
            return p;
        });
        values = false;
        return readerProfiles;
    }

    @Override
    public String statsOn() {
        return readerProfiles == null ? null : statsPlacement.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public List<String> columnsHandedOver() {
        if (readerProfiles == null) {
            return null;
        }
        List<String> names = plan.fields();
        List<String> handed = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            for (CsvFieldProfile p : madeForReaders) {
                if (p.handedOver(c)) {
                    handed.add(names.get(c));
                    break;
                }
            }
        }
        return handed;
    }

    @Override
    public UnitReader<CsvUnit, ByteRow> newVerifyingReader(HashPairSet only) {
        return new CsvUnitReader(dialect, parser, false, only, false);
    }

    @Override
    public CsvFieldProfile newProfile(StatsLevel level) {
        return level == StatsLevel.NONE ? null : new CsvFieldProfile(plan.fields(), plan.unitFieldIndexes(), level);
    }

    /**
     * Plain files: records estimated from 64 KiB windows spread over all of them
     * (RecordSizeSampler). A compressed or transcoded file: its stored size divided by the stored
     * bytes per record of the first such file's first megabyte (the compression ratio measured so
     * decoder read-ahead cancels out). An input no longer than that megabyte is counted exactly. A
     * stream's size is unknown: it adds {@link #UNKNOWN_SIZE_KEYS} unless it fit in its sample.
     * If the keys outgrow the estimate anyway, the filter grows (a scalable chain) rather than saturate.
     */
    @Override
    public long estimatedKeys() {
        if (estimatedKeys < 0) {
            estimatedKeys = sampleKeys();   // asked for the filter's size and again for the exact sets' (plannedRecords)
        }
        return estimatedKeys;
    }

    private long sampleKeys() {
        List<CsvFile> plain = new ArrayList<>();
        long other = 0;
        double storedPerRecord = -1;
        for (CsvFile f : plan.files()) {
            InputFile in = f.input();
            if (in.splittable()) {
                plain.add(f);
                continue;
            }
            try {
                if (in.sampleIsWhole()) {
                    other += count(in.sample());
                } else if (in.size() < 0) {
                    other += UNKNOWN_SIZE_KEYS;
                } else {
                    if (storedPerRecord < 0) {
                        byte[] sample = in.sample();
                        // compressed: fewer stored bytes than decoded; transcoded Latin-1: é is 1 byte stored, 2 decoded
                        storedPerRecord = Math.max(1e-3, sample.length * storedPerDecodedByte(in) / Math.max(1, count(sample)));
                    }
                    other += Math.round(in.size() / storedPerRecord);
                }
            } catch (IOException e) {
                other += Math.max(0, in.size()) / 100;
            }
        }
        long plainRecords = 0;
        if (!plain.isEmpty()) {
            try {
                plainRecords = RecordSizeSampler.estimateRecords(plain, dialect);
            } catch (IOException e) {
                plainRecords = plain.stream().mapToLong(CsvFile::size).sum() / 100;
            }
        }
        return Math.max(1000, plainRecords + other);
    }

    /** The sampled record estimate when every input's size is known or wholly sampled; -1 with a stream of unknown size. */
    @Override
    public long plannedRecords() {
        for (CsvFile f : plan.files()) {
            InputFile in = f.input();
            if (!in.splittable() && in.size() < 0 && !sampleIsWhole(in)) {
                return -1;
            }
        }
        return estimatedKeys();
    }

    private static boolean sampleIsWhole(InputFile in) {
        try {
            return in.sampleIsWhole();
        } catch (IOException e) {
            return false;
        }
    }

    /** Keys a filter is sized for when an input's size cannot be known (standard input). */
    static final long UNKNOWN_SIZE_KEYS = 10_000_000;

    private long count(byte[] sample) throws IOException {
        RecordFramer framer = new RecordFramer(new ByteArrayInputStream(sample), sample.length, 0, 1, dialect);
        long n = 0;
        while (framer.next()) {
            n++;
        }
        return n;
    }

    /**
     * Stored bytes per decoded byte of a compressed or transcoded file. The decoders read ahead (aircompressor's
     * zstd stream by up to a megabyte), so the stored count at one point overstates what was used;
     * between two points taken right after a refill the read-ahead cancels out. Decodes about
     * {@link #RATIO_BYTES} of stored bytes; a smaller file is decoded whole, which is exact.
     */
    private static double storedPerDecodedByte(InputFile in) throws IOException {
        try (InputFile.Reading r = in.open()) {
            byte[] buf = new byte[1 << 16];
            long decoded = 0;
            long d1 = -1;
            long s1 = -1;
            int n;
            while ((n = r.in().read(buf)) >= 0) {
                decoded += n;
                long stored = r.storedBytes().getAsLong();
                if (d1 < 0 && stored >= RATIO_BYTES / 8) {
                    d1 = decoded;
                    s1 = stored;
                } else if (d1 >= 0 && stored >= s1 + RATIO_BYTES) {
                    return (double) (stored - s1) / Math.max(1, decoded - d1);
                }
            }
            return (double) in.size() / Math.max(1, decoded);
        }
    }

    /** Stored bytes decoded to measure a compressed file's ratio. */
    private static final long RATIO_BYTES = 8L << 20;

    @Override
    public List<Report.Source> sources(List<UnitResult> results) {
        Map<String, long[]> bySource = new LinkedHashMap<>();
        for (CsvFile f : plan.files()) {
            bySource.putIfAbsent(f.source(), new long[3]);
        }
        for (UnitResult r : results) {
            if (r != null) {
                long[] acc = bySource.get(plan.units().get(r.unit()).source());
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
    public List<Report.Field> fields(FieldProfile<?> merged) {
        List<Report.Field> out = new ArrayList<>();
        if (merged == null) {
            return plan.fields().stream().map(n -> new Report.Field(n, 0, null, null, null, null)).toList();
        }
        CsvFieldProfile p = (CsvFieldProfile) merged;
        for (int i = 0; i < p.names().size(); i++) {
            out.add(field(p.names().get(i), p.column(i)));
        }
        return out;
    }

    /** One column's report entry. */
    public static Report.Field field(String name, ColumnStats c) {
        Map<String, Long> types = new LinkedHashMap<>();
        for (ValueType t : ValueType.values()) {
            types.put(t.label, c.typeCount(t));
        }
        double d = c.distinctEstimate();
        boolean any = c.minLength() >= 0;
        ValueType dominant = c.dominantType();
        List<Report.FrequentValue> frequent = null;
        Boolean exact = null;
        Long maxError = null;
        if (d >= 0) {
            exact = c.distinctExact();
            boolean e = exact;
            frequent = c.frequent().stream().map(f -> new Report.FrequentValue(f.value(), f.count(),
                    e ? null : f.lowerBound(), e ? null : f.upperBound())).toList();
            maxError = c.frequentMaxError();
        }
        // an HLL estimate can exceed the values it saw; never report more distinct values than there were
        Long distinct = d < 0 ? null : Math.min(Math.round(d), c.nonEmpty());
        return new Report.Field(name, c.nonEmpty(), types, any ? c.minLength() : null, any ? c.maxLength() : null,
                distinct, null, c.empty(), dominant == null ? null : dominant.label, c.min(), c.max(),
                c.min() == null ? null : c.minMaxByNumber() ? "number" : "length", exact,
                d < 0 ? null : Math.min((long) Math.floor(c.distinctLowerBound()), c.nonEmpty()),
                d < 0 ? null : Math.min((long) Math.ceil(c.distinctUpperBound()), c.nonEmpty()),
                frequent, exact, maxError);
    }

    @Override
    public List<Report.Field> fields(FieldProfile<?> merged, KeySpec key, KeyCounts counts) {
        List<Report.Field> fields = withHeaderNames(fields(merged));
        if (merged == null || key.isWholeRecord() || key.fields().size() != 1) {
            return fields;
        }
        String column = key.fields().get(0);
        return fields.stream().map(f -> f.name().equals(column)
                ? f.withDistinctEstimate(counts.distinctKeys(), counts.distinctLow(), counts.distinctHigh(), counts.exact()) : f).toList();
    }

    /** Records, for each column renamed to keep repeated header names apart, the name the header gives it. */
    private List<Report.Field> withHeaderNames(List<Report.Field> fields) {
        Map<String, String> original = new LinkedHashMap<>();
        for (CsvFile f : plan.files()) {
            for (int i = 0; i < f.columns().size(); i++) {
                if (!f.columns().get(i).equals(f.headerColumns().get(i))) {
                    original.putIfAbsent(f.columns().get(i), f.headerColumns().get(i));
                }
            }
        }
        if (original.isEmpty()) {
            return fields;
        }
        return fields.stream().map(f -> original.containsKey(f.name()) ? f.withHeaderName(original.get(f.name())) : f).toList();
    }

    @Override
    public String parser() {
        return parser.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Long planMillis() {
        return plan.planMillis();
    }
}
