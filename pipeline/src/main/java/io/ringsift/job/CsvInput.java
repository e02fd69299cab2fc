package io.ringsift.job;

import io.ringsift.key.KeySpec;
import io.ringsift.partial.ColumnStats;
import io.ringsift.partial.KeyCounts;
import io.ringsift.partial.CsvFieldProfile;
import io.ringsift.partial.FieldProfile;
import io.ringsift.partial.StatsLevel;
import io.ringsift.partial.ValueType;
import io.ringsift.report.Report;
import io.ringsift.source.UnitReader;
import io.ringsift.source.UnitResult;
import io.ringsift.source.csv.CsvDialect;
import io.ringsift.source.csv.CsvFile;
import io.ringsift.source.csv.CsvParser;
import io.ringsift.source.csv.CsvPlan;
import io.ringsift.source.csv.CsvUnit;
import io.ringsift.source.csv.CsvUnitReader;
import io.ringsift.source.csv.RecordSizeSampler;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** CSV files as a job input. */
public final class CsvInput implements JobInput<CsvUnit> {
    private final CsvPlan plan;
    private final CsvDialect dialect;
    private final CsvParser parser;
    private final boolean keepRaw;
    private boolean values = true;

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
            long modified;
            try {
                modified = Files.getLastModifiedTime(f.path()).toMillis();
            } catch (IOException e) {
                modified = -1;
            }
            sb.append(" | ").append(f.path().toAbsolutePath()).append(" size=").append(f.size()).append(" mtime=").append(modified);
        }
        sb.append(" | units=");
        plan.units().forEach(u -> sb.append(u.start()).append('-').append(u.end()).append(';'));
        return sb.toString();
    }

    @Override
    public UnitReader<CsvUnit> newReader() {
        return new CsvUnitReader(dialect, parser, keepRaw, null, values);
    }

    @Override
    public UnitReader<CsvUnit> newVerifyingReader(io.ringsift.partial.HashPairSet only) {
        return new CsvUnitReader(dialect, parser, false, only, false);
    }

    @Override
    public FieldProfile newProfile(StatsLevel level) {
        return level == StatsLevel.NONE ? null : new CsvFieldProfile(plan.fields(), plan.unitFieldIndexes(), level);
    }

    /**
     * Records estimated from 64 KiB windows spread over all the input (RecordSizeSampler). If the
     * keys outgrow it anyway, the filter grows (a scalable chain) rather than saturate.
     */
    @Override
    public long estimatedKeys() {
        try {
            return Math.max(1000, RecordSizeSampler.estimateRecords(plan.files(), dialect));
        } catch (IOException e) {
            return Math.max(1000, plan.files().stream().mapToLong(CsvFile::size).sum() / 100);
        }
    }

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
    public List<?> fields(FieldProfile merged) {
        List<Report.Field> out = new ArrayList<>();
        if (merged == null) {
            return plan.fields().stream().map(n -> new Report.Field(n, 0, null, null, null, null)).toList();
        }
        CsvFieldProfile p = (CsvFieldProfile) merged;
        for (int i = 0; i < p.names().size(); i++) {
            ColumnStats c = p.column(i);
            Map<String, Long> types = new LinkedHashMap<>();
            for (ValueType t : ValueType.values()) {
                types.put(t.label, c.typeCount(t));
            }
            double d = c.distinctEstimate();
            // an HLL estimate can exceed the values it saw; never report more distinct values than there were
            Long distinct = d < 0 ? null : Math.min(Math.round(d), c.nonEmpty());
            out.add(new Report.Field(p.names().get(i), c.nonEmpty(), types, c.minLength() < 0 ? null : c.minLength(),
                    c.minLength() < 0 ? null : c.maxLength(), distinct));
        }
        return out;
    }

    @Override
    public List<?> fields(FieldProfile merged, KeySpec key, KeyCounts counts) {
        List<?> fields = withHeaderNames(fields(merged));
        if (merged == null || key.isWholeRecord() || key.fields().size() != 1) {
            return fields;
        }
        String column = key.fields().get(0);
        return fields.stream().map(f -> f instanceof Report.Field rf && rf.name().equals(column)
                ? rf.withDistinctEstimate(counts.distinctKeys()) : f).toList();
    }

    /** Records, for each column renamed to keep repeated header names apart, the name the header gives it. */
    private List<?> withHeaderNames(List<?> fields) {
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
        return fields.stream().map(f -> f instanceof Report.Field rf && original.containsKey(rf.name())
                ? rf.withHeaderName(original.get(rf.name())) : f).toList();
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
