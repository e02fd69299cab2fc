package io.ringsift.jmh;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.ringsift.bench.CountingSink;
import io.ringsift.bench.CsvGen;
import io.ringsift.key.KeyEncoder;
import io.ringsift.key.KeyHash;
import io.ringsift.source.csv.CsvDialect;
import io.ringsift.source.csv.CsvFile;
import io.ringsift.source.csv.CsvParser;
import io.ringsift.source.csv.CsvUnit;
import io.ringsift.source.csv.CsvUnitReader;
import io.ringsift.source.csv.RecordFramer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * CSV parse cost per row, one thread, over an in-memory file of {@value #ROWS} generated rows
 * (~146 bytes a row, 8 columns, see {@link CsvGen}).
 *
 * <pre>
 *   decodeFloor        bytes → chars only (InputStreamReader): the floor of any char-based parser
 *   commonsCsv         Apache Commons CSV streaming parse: the reference (what program (b) uses)
 *   fastCsv            FastCSV 4.1.0 CsvReader
 *   framerOnly         ringsift RecordFramer: records and field offsets, no values (byte-level floor)
 *   tightFramer        SKETCH ({@link TightFramer}): the same boundaries with one tight loop per state, to price a
 *                      rewrite of RecordFramer's per-byte switch (checked against framerOnly's counts in setup)
 *   framerKeyHash      framer + canonical key from the key's raw UTF-8 bytes + murmur3_128:
 *                      the "hash the key without decoding every field" reader
 *   unitReaderFast     the real CsvUnitReader --parser fast (framer + String per field + key hash + batch)
 *   unitReaderCommons  the real CsvUnitReader --parser commons (framer + decode + Commons CSV + key hash + batch)
 * </pre>
 *
 * The unitReader variants read a temp file (page cache, FileChannel) because that is their API;
 * the others read a byte[]. {@code data=plain} is the same shape with no quoting at all, to price
 * quote handling.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class CsvParseBench {
    static final int ROWS = 20_000;

    @Param({"quoted", "plain"})
    public String data;

    byte[] bytes;
    Path file;
    CsvUnit unit;
    final char[] chars = new char[1 << 16];
    final KeyEncoder encoder = new KeyEncoder();
    final KeyHash hash = new KeyHash();
    CsvUnitReader fastReader;
    CsvUnitReader commonsReader;
    CountingSink sink;

    @Setup
    public void setup() throws IOException {
        bytes = CsvGen.bytes(ROWS, 42, 0.2, data.equals("quoted"));
        file = Files.createTempFile("ringsift-jmh", ".csv");
        Files.write(file, bytes);
        CsvFile f = new CsvFile(file, List.of(CsvGen.HEADER.trim().split(",")), new int[] {CsvGen.KEY_COLUMN},
                new int[] {0, 1, 2, 3, 4, 5, 6, 7}, bytes.length, new byte[0]);
        unit = new CsvUnit(0, f, 0, bytes.length, 1);
        fastReader = new CsvUnitReader(CsvDialect.rfc4180(), CsvParser.FAST, false);
        commonsReader = new CsvUnitReader(CsvDialect.rfc4180(), CsvParser.COMMONS, false);
        sink = new CountingSink();
        // the sketch must frame like the real framer on this data, or its figure means nothing
        RecordFramer rf = new RecordFramer(new ByteArrayInputStream(bytes), Long.MAX_VALUE, 0, 1, CsvDialect.rfc4180());
        long records = 0;
        long fields = 0;
        while (rf.next()) {
            records++;
            fields += rf.fieldCount();
        }
        TightFramer t = new TightFramer();
        t.frame(bytes, (byte) ',', (byte) '"');
        if (t.records != records || t.fields != fields || t.lines != rf.currentLine()) {
            throw new IllegalStateException("TightFramer disagrees with RecordFramer: records " + t.records + "/" + records
                    + ", fields " + t.fields + "/" + fields + ", lines " + t.lines + "/" + rf.currentLine());
        }
    }

    final TightFramer tight = new TightFramer();

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long tightFramer() {
        return tight.frame(bytes, (byte) ',', (byte) '"');
    }

    @TearDown
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long decodeFloor() throws IOException {
        long n = 0;
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            int k;
            while ((k = r.read(chars, 0, chars.length)) > 0) {
                n += k;
            }
        }
        return n;
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void commonsCsv(Blackhole bh) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
             CSVParser p = CSVParser.builder().setReader(r).setFormat(format).get()) {
            for (CSVRecord rec : p) {
                bh.consume(rec);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void fastCsv(Blackhole bh) throws IOException {
        try (CsvReader<CsvRecord> r = CsvReader.builder().ofCsvRecord(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8)) {
            for (CsvRecord rec : r) {
                bh.consume(rec);
            }
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void framerOnly(Blackhole bh) throws IOException {
        RecordFramer f = new RecordFramer(new ByteArrayInputStream(bytes), Long.MAX_VALUE, 0, 1, CsvDialect.rfc4180());
        while (f.next()) {
            bh.consume(f.fieldCount());
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void framerKeyHash(Blackhole bh) throws IOException {
        RecordFramer f = new RecordFramer(new ByteArrayInputStream(bytes), Long.MAX_VALUE, 0, 1, CsvDialect.rfc4180());
        while (f.next()) {
            // valid for unescaped key fields only (a real reader would collapse doubled quotes first)
            int s = f.fieldStart(CsvGen.KEY_COLUMN);
            encoder.reset().addBytes(KeyEncoder.TAG_STRING, f.buffer(), s, f.fieldEnd(CsvGen.KEY_COLUMN) - s).hash(hash);
            bh.consume(hash.lo ^ hash.hi);
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long unitReaderFast() throws Exception {
        return fastReader.read(unit, sink, r -> { }).records() + sink.drain();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public long unitReaderCommons() throws Exception {
        return commonsReader.read(unit, sink, r -> { }).records() + sink.drain();
    }
}
