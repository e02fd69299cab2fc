package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringsift.filter.FilterFile;
import io.ringsift.filter.LoadedFilter;
import io.ringsift.generate.GeneratorFormat;
import io.ringsift.generate.GeneratorResult;
import io.ringsift.generate.GeneratorSpec;
import io.ringsift.generate.SyntheticData;
import io.ringsift.key.KeyEncoder;
import io.ringsift.key.KeyHash;
import io.ringsift.testing.Cli;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The CLI on generated data: two files sharing keys, with bad rows at known lines. The generator
 * knows the exact distinct and duplicate counts, so the answers are checked, not just produced.
 */
class IngestCsvEndToEndTest {
    static final int ROWS = 30_000;

    @TempDir
    static Path data;
    static Path fileA;
    static Path fileB;
    static GeneratorResult truth;
    static List<String> keys = new ArrayList<>();

    @BeforeAll
    static void generate() throws IOException {
        Path all = data.resolve("all.csv");
        truth = SyntheticData.write(GeneratorFormat.CSV, new GeneratorSpec(ROWS, 0.2, 6, 7), all);
        // split the generated file into two: keys repeat within and across files
        List<CSVRecord> records = new ArrayList<>();
        List<String> header;
        try (Reader r = Files.newBufferedReader(all); CSVParser p = CSVParser.parse(r, CSVFormat.RFC4180.builder().setHeader().get())) {
            header = p.getHeaderNames();
            records.addAll(p.getRecords());
        }
        records.forEach(rec -> keys.add(rec.get("key")));
        fileA = data.resolve("a.csv");
        fileB = data.resolve("b.csv");
        write(fileA, header, records.subList(0, ROWS / 2), false);
        write(fileB, header, records.subList(ROWS / 2, ROWS), true);
    }

    /** Writes records; with {@code bad}, adds three malformed rows at the end (lines known from the count). */
    private static void write(Path f, List<String> header, List<CSVRecord> rows, boolean bad) throws IOException {
        StringBuilder sb = new StringBuilder();
        var printer = new org.apache.commons.csv.CSVPrinter(sb, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
        printer.printRecord(header);
        for (CSVRecord r : rows) {
            printer.printRecord(r.toList());
        }
        printer.flush();
        byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
        try (var out = Files.newOutputStream(f)) {
            out.write(body);
            if (bad) {
                out.write("short,row\n".getBytes(StandardCharsets.UTF_8));
                out.write(new byte[] {'k', ',', (byte) 0xFF, ',', '1', ',', '2', ',', '3', ',', '4', '\n'});
                out.write("\"open,quote,never,closed,x,y\n".getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static long lines(Path f) throws IOException {
        byte[] b = Files.readAllBytes(f);
        long n = 0;
        for (byte x : b) {
            if (x == '\n') {
                n++;
            }
        }
        return n;
    }

    @ParameterizedTest(name = "readers={0} handlers={1} split={2} parser={3}")
    @CsvSource({"1,1,33554432,fast", "1,4,33554432,fast", "3,1,65536,fast", "3,4,65536,fast", "2,2,65536,commons"})
    void countsAreRightWhateverTheThreadCounts(int readers, int handlers, long split, String parser, @TempDir Path out) throws IOException {
        Cli.Run run = Cli.run("ingest", "csv", "--key", "key", "--out", out, "--readers", readers, "--handlers", handlers,
                "--split-size", split, "--parser", parser, "--fpp", "1e-7", fileA, fileB);
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode rep = Cli.report(out);
        assertThat(rep.get("complete").asBoolean()).isTrue();
        assertThat(rep.get("records").asLong()).isEqualTo(ROWS);
        assertThat(rep.get("rejected").asLong()).isEqualTo(3);
        // at fpp 1e-7 a false positive among 30k keys has probability ~0.003: the Bloom count is the exact count
        assertThat(rep.get("duplicateRecords").asLong()).isEqualTo(truth.duplicateRows());
        assertThat((double) rep.get("distinctKeysEstimate").asLong()).isCloseTo(truth.distinctKeys(), within(truth.distinctKeys() * 0.02));
        assertThat(rep.get("sources")).hasSize(2);
        assertThat(rep.get("sources").get(1).get("rejected").asLong()).isEqualTo(3);
        assertThat(rep.get("fields")).hasSize(6);
        assertThat(rep.get("fields").get(0).get("name").asText()).isEqualTo("key");
        assertThat(rep.get("fields").get(0).get("nonEmpty").asLong()).isEqualTo(ROWS);
        assertThat(rep.get("timing").get("planMillis").asLong(-1)).isNotNegative();

        // rejects name the file and the physical line where each bad record starts
        long dataLines = lines(fileB) - 3;
        List<String> rejects = Files.readAllLines(out.resolve("rejects.csv"));
        assertThat(rejects.get(0)).isEqualTo("source,line,reason,raw,id");
        assertThat(rejects.subList(1, rejects.size())).anySatisfy(l -> assertThat(l).startsWith(fileB + "," + (dataLines + 1) + ",\"expected 6 fields, found 2\""))
                .anySatisfy(l -> assertThat(l).startsWith(fileB + "," + (dataLines + 2) + ",invalid UTF-8"))
                .anySatisfy(l -> assertThat(l).startsWith(fileB + "," + (dataLines + 3) + ",unterminated quoted field"));

        // every key is in the filter
        LoadedFilter f = FilterFile.read(out.resolve("filter.bf"));
        KeyEncoder enc = new KeyEncoder();
        KeyHash h = new KeyHash();
        for (String k : keys) {
            assertThat(f.mightContain(enc.reset().addString(k).hash(h))).as(k).isTrue();
        }
        assertThat(f.header().records()).isEqualTo(ROWS);
    }

    /** Without field statistics the fast parser hashes keys from their bytes (quoted, with doubled quotes, non-ASCII): the same keys. */
    @Test
    void keysHashedFromBytesMatchKeysHashedFromStrings(@TempDir Path out) throws IOException {
        Path none = out.resolve("none");
        Path full = out.resolve("full");
        assertThat(Cli.run("ingest", "csv", "--key", "key", "--out", none, "-q", "--stats", "none", fileA, fileB).exitCode()).isZero();
        assertThat(Cli.run("ingest", "csv", "--key", "key", "--out", full, "-q", "--parser", "commons", fileA, fileB).exitCode()).isZero();
        assertThat(FilterFile.read(none.resolve("filter.bf")).toGuavaFilter()).isEqualTo(FilterFile.read(full.resolve("filter.bf")).toGuavaFilter());
        assertThat(Cli.report(none).get("duplicateRecords")).isEqualTo(Cli.report(full).get("duplicateRecords"));
        assertThat(keys).anyMatch(k -> k.contains("\"")).anyMatch(k -> k.contains(",")).anyMatch(k -> !k.chars().allMatch(c -> c < 128));
    }

    @Test
    void defaultFppCountsDuplicatesWithinTheFilterError(@TempDir Path out) throws IOException {
        Cli.Run run = Cli.run("ingest", "csv", "--key", "key", "--out", out, "--quiet", fileA, fileB);
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).isEmpty();
        long dups = Cli.report(out).get("duplicateRecords").asLong();
        // the Bloom answer never misses a real duplicate and adds at most about fpp × distinct false ones
        assertThat(dups).isBetween(truth.duplicateRows(), truth.duplicateRows() + (long) (truth.distinctKeys() * 0.01 * 3));
    }

    @Test
    void summaryNamesTheOutputs(@TempDir Path out) {
        Cli.Run run = Cli.run("ingest", "csv", "--key", "key", "--out", out, fileA);
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("complete").contains("15,000 accepted").contains("filter.bf").contains("report.json");
    }

    @Test
    void tooManyRejectsStopsWithExitCode4AndNoFilter(@TempDir Path out) throws IOException {
        Cli.Run run = Cli.run("ingest", "csv", "--key", "key", "--out", out, "--max-rejects", "1", fileB);
        assertThat(run.exitCode()).isEqualTo(4);
        JsonNode rep = Cli.report(out);
        assertThat(rep.get("complete").asBoolean()).isFalse();
        assertThat(rep.get("stopReason").asText()).isEqualTo("too_many_rejects");
        assertThat(out.resolve("filter.bf")).doesNotExist();
    }
}
