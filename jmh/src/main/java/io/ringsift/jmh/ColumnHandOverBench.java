package io.ringsift.jmh;

import io.ringsift.bench.CsvGen;
import io.ringsift.bench.GeneratedRows;
import io.ringsift.partial.ColumnStats;
import io.ringsift.partial.CsvFieldProfile;
import io.ringsift.partial.StatsLevel;
import io.ringsift.record.HandedColumns;
import io.ringsift.record.RecordBatch;
import java.nio.charset.StandardCharsets;
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
 * What one column costs a value where it is kept, and what handing it to a handler costs the
 * reader instead (docs/benchmarks.md, "Columns handed to the handlers"):
 *
 * <pre>
 *   keptOnReader   CsvFieldProfile.acceptFields of a one-column row straight from the buffer, ASCII
 *                  known: the column's statistics on the reader
 *   copiedForHandler  RecordBatch.markAscii + addHandedValue + add: what the reader pays for a handed column
 *                  (ColumnBalancer.COPY_NS)
 *   fedOnHandler   RecordBatch.feedHanded into the column: the handler's side, on one core (the
 *                  run adds the reading of another core's batch)
 * </pre>
 * Columns of the generated data ({@link CsvGen}): {@code note} (almost every value new),
 * {@code city} (16 values), {@code amount} (decimals, mostly new). Values per invocation: {@value #ROWS},
 * in batches of {@value #BATCH} rows.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class ColumnHandOverBench {
    static final int ROWS = 16_384;
    static final int BATCH = 1024;

    @Param({"note", "city", "amount"})
    public String column;

    byte[] buffer;
    int[] starts;
    int[] ends;
    CsvFieldProfile profile;
    ColumnStats fed;
    RecordBatch<Object> batch;
    RecordBatch<Object>[] filled;
    HandedColumns handed;
    private final int[] oneStart = new int[1];
    private final int[] oneEnd = new int[1];

    @Setup
    @SuppressWarnings("unchecked")
    public void setup() {
        List<String> names = List.of(CsvGen.HEADER.trim().split(","));
        int col = names.indexOf(column);
        List<String[]> rows = GeneratedRows.values(ROWS);
        StringBuilder all = new StringBuilder();
        starts = new int[ROWS];
        ends = new int[ROWS];
        for (int r = 0; r < ROWS; r++) {
            starts[r] = all.length();
            all.append(rows.get(r)[col]);   // ASCII in the generated columns used here
            ends[r] = all.length();
        }
        buffer = all.toString().getBytes(StandardCharsets.US_ASCII);
        profile = new CsvFieldProfile(List.of(column), new int[][] {{0}}, StatsLevel.FULL);
        fed = new CsvFieldProfile(List.of(column), new int[][] {{0}}, StatsLevel.FULL).column(0);
        handed = HandedColumns.NONE.with(fed, 0, 0);
        batch = new RecordBatch<>(BATCH);
        filled = new RecordBatch[ROWS / BATCH];
        for (int b = 0; b < filled.length; b++) {
            filled[b] = new RecordBatch<>(BATCH);
            filled[b].reset(0);
            filled[b].handOver(handed);
            for (int r = b * BATCH; r < (b + 1) * BATCH; r++) {
                filled[b].markAscii(true);
                filled[b].addHandedValue(buffer, starts[r], ends[r] - starts[r]);
                filled[b].add(0, 0, r, null, null);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public CsvFieldProfile keptOnReader() {
        int[] s = oneStart;
        int[] e = oneEnd;
        for (int r = 0; r < ROWS; r++) {
            s[0] = starts[r];
            e[0] = ends[r];
            profile.acceptFields(buffer, 0, s, e, 1, true, 0, null);
        }
        return profile;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public RecordBatch<Object> copiedForHandler() {
        RecordBatch<Object> b = batch;
        for (int r = 0; r < ROWS; r++) {
            if (b.isEmpty()) {
                b.handOver(handed);
            }
            b.markAscii(true);
            b.addHandedValue(buffer, starts[r], ends[r] - starts[r]);
            if (b.add(0, 0, r, null, null)) {
                b.reset(0);
            }
        }
        return b;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public ColumnStats fedOnHandler() {
        for (RecordBatch<Object> b : filled) {
            b.feedHanded(0);
        }
        return fed;
    }
}
