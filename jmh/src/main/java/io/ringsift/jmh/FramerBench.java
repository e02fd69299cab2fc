package io.ringsift.jmh;

import io.ringsift.bench.CsvGen;
import io.ringsift.source.csv.CsvDialect;
import io.ringsift.source.csv.RecordFramer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * RecordFramer per row on {@value #ROWS} generated rows (~146 bytes, 8 columns, {@link CsvGen}), old and new
 * scan side by side in one run: {@code scan=BYTEWISE} skips a field's ordinary bytes one at a time (the
 * code before issue 12, kept as the reference), {@code scan=WORDS} eight at a time. {@code data=plain} has no
 * quoting at all. The framed records and fields are consumed, so nothing is optimised away.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class FramerBench {
    static final int ROWS = 20_000;

    @Param({"quoted", "plain"})
    public String data;

    @Param({"BYTEWISE", "WORDS"})
    public RecordFramer.Scan scan;

    byte[] bytes;

    @Setup
    public void setup() {
        bytes = CsvGen.bytes(ROWS, 42, 0.2, data.equals("quoted"));
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void frame(Blackhole bh) throws IOException {
        RecordFramer f = new RecordFramer(new ByteArrayInputStream(bytes), Long.MAX_VALUE, 0, 1, CsvDialect.rfc4180(), scan);
        while (f.next()) {
            bh.consume(f.fieldEnd(f.fieldCount() - 1));
        }
    }
}
