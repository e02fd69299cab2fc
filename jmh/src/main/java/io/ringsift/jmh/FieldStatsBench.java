package io.ringsift.jmh;

import io.ringsift.bench.CsvGen;
import io.ringsift.partial.BaselineCsvFieldProfile;
import io.ringsift.partial.CsvFieldProfile;
import io.ringsift.partial.FieldProfile;
import io.ringsift.partial.StatsLevel;
import io.ringsift.record.ByteRow;
import io.ringsift.record.RecordBatch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Field statistics per row ({@code CsvFieldProfile.accept}, 8 columns of the generated data) at
 * {@code --stats basic} (non-empty count, type inference, min/max length) and {@code full} (+ an
 * HLL sketch per column), to set against the parse cost measured by {@link CsvParseBench} in the
 * same run: if stats cost more than the parse, {@code --stats} is worth its option.
 * Rows are parsed once in setup and reused, so only the statistics are measured. {@code form}
 * BYTES feeds {@link ByteRow}s, as the default fast parser does; STRINGS feeds the baseline
 * {@code String[]}, as {@code --parser commons} did. The current profile takes only {@link ByteRow}s
 * (Commons CSV values are encoded into the batch by the reader, {@code RecordBatch.addField(String)}),
 * so for it STRINGS feeds rows encoded that way.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class FieldStatsBench {
    static final int ROWS = 20_000;

    @Param({"BASIC", "FULL"})
    public StatsLevel level;

    @Param({"BYTES", "STRINGS"})
    public String form;

    /** {@code current}: the profile in stages; {@code baseline}: a copy of it before the column summary (e465a2d). */
    @Param({"current", "baseline"})
    public String impl;

    Object[] rows;
    FieldProfile profile;

    @Setup
    public void setup() throws IOException {
        byte[] bytes = CsvGen.bytes(ROWS, 42, 0.2, true);
        List<String[]> list = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
             CSVParser p = CSVParser.builder().setReader(r).setFormat(format).get()) {
            for (CSVRecord rec : p) {
                list.add(rec.values());
            }
        }
        if (form.equals("STRINGS") && impl.equals("baseline")) {
            rows = list.toArray(new Object[0]);
        } else if (form.equals("STRINGS")) {
            RecordBatch batch = new RecordBatch(list.size());
            rows = new Object[list.size()];
            for (int i = 0; i < rows.length; i++) {
                int fields = batch.fieldMark();
                int arena = batch.arenaMark();
                for (String v : list.get(i)) {
                    batch.addField(v);
                }
                rows[i] = batch.endRow(fields, arena);
            }
        } else {
            // one batch holds every row's bytes, as the fast parser's arena does for the rows of a slot
            RecordBatch batch = new RecordBatch(list.size());
            rows = new Object[list.size()];
            for (int i = 0; i < rows.length; i++) {
                int fields = batch.fieldMark();
                int arena = batch.arenaMark();
                for (String v : list.get(i)) {
                    byte[] b = v.getBytes(StandardCharsets.UTF_8);
                    batch.addField(b, 0, b.length);
                }
                rows[i] = batch.endRow(fields, arena);
            }
        }
        List<String> names = List.of(CsvGen.HEADER.trim().split(","));
        int[][] map = {{0, 1, 2, 3, 4, 5, 6, 7}};
        profile = impl.equals("current") ? new CsvFieldProfile(names, map, level) : new BaselineCsvFieldProfile(names, map, level);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public FieldProfile accept() {
        FieldProfile p = profile;
        for (Object row : rows) {
            p.accept(row, 0);
        }
        return p;
    }
}
