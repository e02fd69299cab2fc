package io.ringsift.job;

import io.ringsift.key.KeySpec;
import io.ringsift.partial.FieldProfile;
import io.ringsift.partial.HashPairSet;
import io.ringsift.partial.PathProfile;
import io.ringsift.partial.StatsLevel;
import io.ringsift.report.Report;
import io.ringsift.source.UnitReader;
import io.ringsift.source.UnitResult;
import io.ringsift.source.mongo.MongoPartition;
import io.ringsift.source.mongo.MongoPartitionReader;
import io.ringsift.source.mongo.PartitionPlanner;
import com.mongodb.client.MongoCollection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import org.bson.RawBsonDocument;

/** A MongoDB collection, cut into {@code _id} partitions, as a job input. */
public final class MongoInput implements DocumentInput<MongoPartition> {
    private final String namespace;
    private final MongoCollection<RawBsonDocument> collection;
    private final PartitionPlanner.Plan plan;
    private final KeySpec key;
    private final MongoPartitionReader.Options options;
    private final int maxDepth;
    private final Consumer<String> onNewPath;
    private boolean keepJson;

    /**
     * @param onNewPath called once per path the first time any handler sees it ({@code --stream}), or null
     */
    public MongoInput(String namespace, MongoCollection<RawBsonDocument> collection, PartitionPlanner.Plan plan, KeySpec key,
                      MongoPartitionReader.Options options, int maxDepth, Consumer<String> onNewPath) {
        this.namespace = namespace;
        this.collection = collection;
        this.plan = plan;
        this.key = key;
        this.options = options;
        this.maxDepth = maxDepth;
        this.onNewPath = onNewPath == null ? null : PathProfile.announceOnce(onNewPath);
    }

    /** Readers attach each document as a line of Extended JSON, for check output. */
    public MongoInput keepJson() {
        keepJson = true;
        return this;
    }

    public PartitionPlanner.Plan plan() {
        return plan;
    }

    @Override
    public String keySource() {
        return "mongo";
    }

    @Override
    public List<MongoPartition> units() {
        return plan.partitions();
    }

    @Override
    public String fingerprint() {
        StringBuilder sb = new StringBuilder("mongo ").append(namespace).append(" key=").append(key.describe());
        plan.partitions().forEach(p -> sb.append(" | ").append(p.describe()));
        return sb.toString();
    }

    @Override
    public UnitReader<MongoPartition, RawBsonDocument> newReader() {
        return new MongoPartitionReader(collection, key, options, keepJson);
    }

    @Override
    public UnitReader<MongoPartition, RawBsonDocument> newVerifyingReader(HashPairSet only) {
        return new MongoPartitionReader(collection, key, options, false, only);
    }

    @Override
    public PathProfile newProfile(StatsLevel level) {
        return level == StatsLevel.NONE ? null : new PathProfile(maxDepth, onNewPath);
    }

    @Override
    public long estimatedKeys() {
        return Math.max(1000, plan.estimated());
    }

    /** The collection's estimatedDocumentCount (metadata, not a scan); unknown with --query, which reads a subset. */
    @Override
    public long estimatedRecords() {
        boolean filtered = plan.partitions().stream().anyMatch(p -> !p.query().isEmpty());
        return filtered ? -1 : plan.estimated();
    }

    @Override
    public List<Report.Source> sources(List<UnitResult> results) {
        long records = 0;
        long rejected = 0;
        long bytes = 0;
        for (UnitResult r : results) {
            if (r != null) {
                records += r.records();
                rejected += r.rejected();
                bytes += r.bytes();
            }
        }
        return List.of(new Report.Source(namespace, records, rejected, bytes));
    }

    @Override
    public List<Report.FieldPath> fields(FieldProfile<?> merged) {
        return merged == null ? List.of() : paths((PathProfile) merged);
    }

    public static List<Report.FieldPath> paths(PathProfile p) {
        List<Report.FieldPath> out = new ArrayList<>();
        for (PathProfile.PathStats s : p.paths()) {
            out.add(new Report.FieldPath(s.path(), s.documents(), s.types()));
        }
        return out;
    }

    @Override
    public Report.Partitions partitions(List<UnitResult> results) {
        List<UnitResult> done = results.stream().filter(Objects::nonNull).toList();
        long min = done.stream().mapToLong(UnitResult::records).min().orElse(0);
        long max = done.stream().mapToLong(UnitResult::records).max().orElse(0);
        long retries = done.stream().mapToLong(UnitResult::retries).sum();
        return new Report.Partitions(plan.partitions().size(), plan.strategy().name().toLowerCase(Locale.ROOT), min, max, retries);
    }
}
