package io.ringsift.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lmax.disruptor.EventHandler;
import io.ringsift.key.KeySpec;
import io.ringsift.partial.RowConsumer;
import io.ringsift.record.ByteRow;
import io.ringsift.record.RecordBatch;
import io.ringsift.record.RecordSink;
import io.ringsift.record.Reject;
import io.ringsift.source.csv.CsvDialect;
import io.ringsift.source.csv.CsvParser;
import io.ringsift.source.csv.CsvPlan;
import io.ringsift.source.csv.CsvPlanner;
import io.ringsift.source.csv.CsvUnit;
import io.ringsift.source.csv.CsvUnitReader;
import io.ringsift.testing.Cli;
import io.ringsift.testing.NoThreadsLeft;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random bad CSV (random quoting, delimiters, line endings, BOM, invalid bytes, stray quotes, short
 * rows, blank lines, repeated rows) through the whole engine, cut into many small byte ranges and
 * read by several readers into several handlers, against one thread reading the file whole:
 * the same accepted rows at the same lines, the same rejects, nothing lost or doubled; and the
 * CLI's report and rejects.csv are the same with 1 reader/1 handler as with 3/3 and tiny ranges.
 *
 * <p>These properties found the lost-records bug of the old drain
 * ({@link RecordsLostWhenHandlersStartAfterTheReadersFinishTest}). Each runs on 30 files from a
 * seeded generator in every build, and as a Jazzer {@code @FuzzTest} whose input is the CSV file
 * itself (comma-delimited; handlers, split size and parser are picked from the file's CRC-32, so a
 * corpus file always replays the same way). The corpus is plain CSV files under
 * {@code CsvPipelineFuzzPropertyTestInputs/<method>/}.
 */
class CsvPipelineFuzzPropertyTest {
    private static Path dir;

    @BeforeAll
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("ringsift-fuzz");
    }

    @AfterAll
    static void removeDir() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** One accepted row (line + values) or one reject (line + reason). */
    record Seen(long line, String what) {}

    /** Reads every unit of {@code plan} on this thread, in order. */
    private static List<Seen>[] readAlone(CsvPlan plan, CsvDialect d, CsvParser parser) throws IOException {
        List<Seen> rows = new ArrayList<>();
        List<Seen> rejects = new ArrayList<>();
        RecordBatch batch = new RecordBatch(5);
        RecordSink sink = new RecordSink() {
            @Override
            public RecordBatch batch() {
                return batch;
            }

            @Override
            public void publish(int unit) {
                collect(batch, rows);
                batch.reset(unit);
            }

            @Override
            public boolean stopRequested() {
                return false;
            }
        };
        CsvUnitReader reader = new CsvUnitReader(d, parser, false);
        for (CsvUnit u : plan.units()) {
            reader.read(u, sink, r -> rejects.add(reject(r)));
        }
        @SuppressWarnings("unchecked")
        List<Seen>[] out = new List[] {rows, rejects};
        return out;
    }

    private static void collect(RecordBatch<ByteRow> b, List<Seen> into) {
        for (int i = 0; i < b.size(); i++) {
            into.add(new Seen(b.line[i], Arrays.toString(b.row(i).toStrings())));
        }
    }

    private static Seen reject(Reject r) {
        return new Seen(r.line(), r.reason());
    }

    private static final class Counting implements RowConsumer {
        final AtomicLong n = new AtomicLong();

        @Override
        public boolean accept(long lo, long hi, Object row, byte[] raw, int unit) {
            n.incrementAndGet();
            return false;
        }
    }

    static LongStream seeds() {
        return LongStream.range(0, 30);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void manyReadersAndRangesSeeExactlyWhatOneReaderSees(long seed) throws Exception {
        assertManyReadersSeeWhatOneReaderSees(input(new Random(seed)));
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void cliReportsAreTheSameWithOneAndManyThreads(long seed) throws Exception {
        assertCliReportsAreTheSame(input(new Random(seed)));
    }

    @FuzzTest
    void engineSeesWhatOneReaderSees(byte[] csv) throws Exception {
        assertManyReadersSeeWhatOneReaderSees(fromFile(csv));
    }

    @FuzzTest
    void cliReportsDoNotDependOnThreads(byte[] csv) throws Exception {
        assertCliReportsAreTheSame(fromFile(csv));
    }

    /** A fuzz input as a comma-delimited file, with settings taken from its checksum. */
    private static Input fromFile(byte[] csv) {
        CRC32 crc = new CRC32();
        crc.update(csv);
        long c = crc.getValue();
        return new Input((int) IDS.incrementAndGet(), ',', csv, 1 + (int) (c % 4), 16 + (c >>> 2) % 497,
                (c & (1 << 20)) == 0 ? CsvParser.FAST : CsvParser.COMMONS);
    }

    private static void assertManyReadersSeeWhatOneReaderSees(Input in) throws Exception {
        Path f = in.write(dir);
        CsvDialect d = CsvDialect.rfc4180().withDelimiter(in.delimiter);
        KeySpec key = KeySpec.wholeRecord();
        List<Seen>[] alone = readAlone(new CsvPlanner(d, key, 1, CsvPlanner.DEFAULT_SPLIT_BYTES).plan(List.of(f)), d, CsvParser.FAST);

        CsvPlan split = new CsvPlanner(d, key, 3, in.splitSize).plan(List.of(f));
        List<Seen> rows = Collections.synchronizedList(new ArrayList<>());
        List<Seen> rejects = Collections.synchronizedList(new ArrayList<>());
        EventHandler<RingEvent> after = (e, seq, end) -> collect(e.batch(), rows);
        RunControl control = new RunControl();
        RunOutcome<Counting> o = new RunEngine(new EngineSettings(3, in.handlers, 3, 8, WaitKind.BLOCKING)).run(split.units(),
                () -> new CsvUnitReader(d, in.parser, false), i -> new Counting(), r -> rejects.add(reject(r)), after, control);

        assertThat(o.complete()).as("%s", o.failure()).isTrue();
        Comparator<Seen> byLine = Comparator.comparingLong(Seen::line).thenComparing(Seen::what);
        List<Seen> expectRows = new ArrayList<>(alone[0]);
        expectRows.sort(byLine);
        List<Seen> expectRejects = new ArrayList<>(alone[1]);
        expectRejects.sort(byLine);
        List<Seen> gotRows = new ArrayList<>(rows);
        gotRows.sort(byLine);
        List<Seen> gotRejects = new ArrayList<>(rejects);
        gotRejects.sort(byLine);
        assertThat(gotRows).isEqualTo(expectRows);
        assertThat(gotRejects).isEqualTo(expectRejects);
        // every accepted row went to exactly one handler
        assertThat(o.states().stream().mapToLong(c -> c.n.get()).sum()).isEqualTo(expectRows.size());
        long unitRecords = o.units().stream().mapToLong(u -> u.records()).sum();
        long unitRejected = o.units().stream().mapToLong(u -> u.rejected()).sum();
        assertThat(unitRecords).isEqualTo(expectRows.size());
        assertThat(unitRejected).isEqualTo(expectRejects.size());
        NoThreadsLeft.check();
    }

    private static void assertCliReportsAreTheSame(Input in) throws Exception {
        Path f = in.write(dir);
        Path one = dir.resolve("one-" + in.id);
        Path many = dir.resolve("many-" + in.id);
        Cli.Run a = Cli.run("ingest", "csv", "-q", "--delimiter", in.delimiter, "--fpp", "1e-9", "--readers", 1, "--handlers", 1,
                "--out", one, f);
        Cli.Run b = Cli.run("ingest", "csv", "-q", "--delimiter", in.delimiter, "--fpp", "1e-9", "--readers", 3,
                "--handlers", in.handlers, "--split-size", in.splitSize, "--batch-size", 3, "--ring-size", 8, "--parser",
                in.parser.name().toLowerCase(java.util.Locale.ROOT), "--out", many, f);
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        JsonNode ra = comparable(Cli.report(one));
        JsonNode rb = comparable(Cli.report(many));
        assertThat(rb).isEqualTo(ra);
        assertThat(rejectLines(many)).isEqualTo(rejectLines(one));
        assertThat(Files.exists(one.resolve("rejects.csv"))).isEqualTo(ra.get("rejected").asLong() > 0);
    }

    /** The report without what legitimately differs between runs: paths, timing, filter path. */
    private static JsonNode comparable(JsonNode report) {
        ObjectNode r = report.deepCopy();
        r.remove("timing");
        ((ObjectNode) r.get("filter")).remove("path");
        return r;
    }

    private static Set<String> rejectLines(Path out) throws IOException {
        Path p = out.resolve("rejects.csv");
        return Files.exists(p) ? new HashSet<>(List.of(Files.readString(p, StandardCharsets.UTF_8).split("\r\n"))) : Set.of();
    }

    /** A random CSV file and the settings to read it with. */
    record Input(int id, char delimiter, byte[] bytes, int handlers, long splitSize, CsvParser parser) {
        Path write(Path dir) throws IOException {
            Path p = dir.resolve("in-" + id + ".csv");
            Files.write(p, bytes);
            return p;
        }

        @Override
        public String toString() {
            return "delimiter " + delimiter + ", handlers " + handlers + ", split " + splitSize + ", " + parser + ": "
                    + new String(bytes, StandardCharsets.ISO_8859_1).replace("\r", "\\r").replace("\n", "\\n");
        }
    }

    private static final AtomicLong IDS = new AtomicLong();

    private static final char[] DELIMITERS = {',', ';', '\t', '|'};
    private static final CsvParser[] PARSERS = CsvParser.values();

    /** A random file: 1..4 columns, 1..300 rows, any delimiter; 1..4 handlers, 16..512-byte ranges, either parser. */
    static Input input(Random r) {
        char d = DELIMITERS[r.nextInt(DELIMITERS.length)];
        int cols = 1 + r.nextInt(4);
        int rows = 1 + r.nextInt(300);
        long seed = r.nextLong();
        int handlers = 1 + r.nextInt(4);
        long split = 16 + r.nextInt(497);
        CsvParser parser = PARSERS[r.nextInt(PARSERS.length)];
        return new Input((int) IDS.incrementAndGet(), d, csv(d, cols, rows, new Random(seed)), handlers, split, parser);
    }

    private static final String[] EOLS = {"\n", "\r\n", "\r"};
    private static final String CHARS = "ab, ;|\t\"\n\ré字😀x0";

    /** A header of {@code cols} names, then {@code n} rows: quoted where needed and at random, some damaged, some repeated. */
    static byte[] csv(char d, int cols, int n, Random r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String eol = EOLS[r.nextInt(EOLS.length)];
        if (r.nextInt(3) == 0) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        List<String> header = new ArrayList<>();
        for (int c = 0; c < cols; c++) {
            header.add("c" + c);
        }
        out.writeBytes((String.join(String.valueOf(d), header) + eol).getBytes(StandardCharsets.UTF_8));
        List<byte[]> written = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] line;
            if (!written.isEmpty() && r.nextInt(8) == 0) {
                line = written.get(r.nextInt(written.size()));   // a duplicate row
            } else {
                StringBuilder sb = new StringBuilder();
                int fields = r.nextInt(12) == 0 ? cols + 1 : cols;   // sometimes ragged
                for (int c = 0; c < fields; c++) {
                    if (c > 0) {
                        sb.append(d);
                    }
                    String v = value(r);
                    boolean must = v.isEmpty() && fields == 1 || v.indexOf(d) >= 0 || v.contains("\"") || v.contains("\n") || v.contains("\r");
                    if (must || r.nextInt(4) == 0) {
                        sb.append('"').append(v.replace("\"", "\"\"")).append('"');
                    } else {
                        sb.append(v);
                    }
                }
                line = sb.toString().getBytes(StandardCharsets.UTF_8);
                if (line.length > 0 && r.nextInt(10) == 0) {
                    line = line.clone();
                    switch (r.nextInt(3)) {
                        case 0 -> line[r.nextInt(line.length)] = (byte) (0x80 + r.nextInt(0x80));   // invalid UTF-8
                        case 1 -> line[r.nextInt(line.length)] = '"';                              // stray quote
                        default -> line = Arrays.copyOf(line, r.nextInt(line.length));             // cut short
                    }
                }
            }
            written.add(line);
            out.writeBytes(line);
            if (i < n - 1 || r.nextBoolean()) {
                out.writeBytes(eol.getBytes(StandardCharsets.US_ASCII));
            }
            if (r.nextInt(15) == 0) {
                out.writeBytes(eol.getBytes(StandardCharsets.US_ASCII));   // a blank line
            }
        }
        return out.toByteArray();
    }

    private static String value(Random r) {
        int len = r.nextInt(7);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < len; i++) {
            int cp = CHARS.codePointAt(CHARS.offsetByCodePoints(0, r.nextInt(CHARS.codePointCount(0, CHARS.length()))));
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
