package io.ringsift.job;

import io.ringsift.partial.ColumnStats;
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
import io.ringsift.source.csv.RecordFramer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** CSV files as a job input. */
public final class CsvInput implements JobInput<CsvUnit> {
    /** How much of the first file is framed to estimate the record count. */
    private static final int SAMPLE_BYTES = 1 << 20;

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

    /** Total bytes divided by the mean record size in the first megabyte of the first non-empty file. */
    @Override
    public long estimatedKeys() {
        long total = plan.files().stream().mapToLong(CsvFile::size).sum();
        for (CsvFile f : plan.files()) {
            if (f.size() == 0) {
                continue;
            }
            try (InputStream in = Files.newInputStream(f.path())) {
                RecordFramer framer = new RecordFramer(in, SAMPLE_BYTES, 0, 1, dialect);
                long n = 0;
                while (framer.next()) {
                    n++;
                }
                long perRecord = Math.max(1, framer.bytesConsumed() / Math.max(1, n));
                return Math.max(1000, total / perRecord);
            } catch (IOException e) {
                break;
            }
        }
        return Math.max(1000, total / 100);
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
        return new Report.Field(name, c.nonEmpty(), types, any ? c.minLength() : null, any ? c.maxLength() : null,
                d < 0 ? null : Math.round(d), c.empty(), dominant == null ? null : dominant.label, c.min(), c.max(),
                c.min() == null ? null : c.minMaxByNumber() ? "number" : "length", exact,
                d < 0 ? null : (long) Math.floor(c.distinctLowerBound()), d < 0 ? null : (long) Math.ceil(c.distinctUpperBound()),
                frequent, exact, maxError);
    }

    @Override
    public String parser() {
        return parser.name().toLowerCase(Locale.ROOT);
    }
}
