package io.ringsift.jmh;

import io.ringsift.bench.CsvGen;
import io.ringsift.bench.GeneratedRows;
import io.ringsift.partial.BaselineCsvFieldProfile;
import io.ringsift.partial.CsvFieldProfile;
import io.ringsift.partial.FieldProfile;
import io.ringsift.partial.StatsLevel;
import io.ringsift.record.ByteRow;
import io.ringsift.record.RecordBatch;
import java.util.List;
import java.util.concurrent.TimeUnit;
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
    public void setup() {
        List<String[]> list = GeneratedRows.values(ROWS);
        if (form.equals("STRINGS") && impl.equals("baseline")) {
            rows = list.toArray(new Object[0]);
        } else {
            // one batch holds every row's bytes, as a reader's arena does for the rows of a slot
            rows = GeneratedRows.byteRows(list, form.equals("STRINGS"));
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
