package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringsift.filter.FilterFile;
import io.ringsift.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Reading a JSON Lines file directly gives what loading it into a collection and reading that
 * gives: records, rejects, duplicates, distinct keys, the filter's bits, every field path with its
 * document count and BSON types. Also when the file is split into ranges for several readers.
 */
@Timeout(180)
class JsonlFileMatchesEmbeddedMongoTest {
    @TempDir
    Path dir;

    /** Generated documents (mixed types: int/long/double/decimal/date/null/arrays/subdocuments), plus 7 without the key. */
    private Path documents(long seed) throws Exception {
        Path f = dir.resolve("docs.jsonl");
        Cli.Run g = Cli.run("generate", "jsonl", "--rows", 2500, "--dup-rate", 0.2, "--columns", 9, "--seed", seed, "-o", f);
        assertThat(g.exitCode()).as(g.err()).isZero();
        StringBuilder extra = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            extra.append("{\"_id\": {\"$numberLong\": \"").append(900 + i).append("\"}, \"other\": [1, {\"deep\": true}]}\n");
        }
        Files.writeString(f, extra, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return f;
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 33554432", "2, 2, 20000", "3, 2, 9000"})
    void ingestJsonlEqualsIngestMongoEmbedded(long seed, int readers, long splitSize) throws Exception {
        Path f = documents(seed);
        Path fromFile = dir.resolve("file");
        Path fromMongo = dir.resolve("mongo");
        Cli.Run a = Cli.run("ingest", "jsonl", "--key", "key", "--out", fromFile, "--readers", readers, "--handlers", 2,
                "--split-size", splitSize, "--expected-keys", 5000, f);
        Cli.Run b = Cli.run("ingest", "mongo", "--embedded", f, "--key", "key", "--out", fromMongo, "--handlers", 2,
                "--expected-keys", 5000, "--progress");
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        JsonNode ra = Cli.report(fromFile);
        JsonNode rb = Cli.report(fromMongo);
        // the embedded load is announced with its time: the run's own timing counts reading only
        assertThat(b.err()).contains("loading " + f).contains("not counted in the run's time");
        assertThat(ra.get("records").asLong()).isEqualTo(2500);
        assertThat(ra.get("rejected").asLong()).isEqualTo(7);
        for (String k : new String[] {"records", "rejected", "duplicateRecords", "distinctKeysEstimate"}) {
            assertThat(ra.get(k)).as(k).isEqualTo(rb.get(k));
        }
        assertThat(ra.get("duplicateRecords").asLong()).isPositive();
        assertThat(ra.get("fields")).isEqualTo(rb.get("fields"));
        assertThat(ra.get("fields").findValuesAsText("path")).contains("_id", "key");
        assertThat(FilterFile.read(fromFile.resolve("filter.bf")).toGuavaFilter())
                .isEqualTo(FilterFile.read(fromMongo.resolve("filter.bf")).toGuavaFilter());
        assertThat(Files.readAllLines(fromFile.resolve("rejects.csv"))).hasSize(8)
                .allMatch(l -> l.startsWith("source") || l.contains("missing key field 'key'"));
    }

    @ParameterizedTest
    @CsvSource({"4", "5"})
    void fieldsOnTheFileEqualsFieldsOnTheCollection(long seed) throws Exception {
        Path f = documents(seed);
        Cli.Run a = Cli.run("fields", f, "--json", "-");
        Cli.Run b = Cli.run("fields", "--embedded", f, "--json", "-");
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        ObjectMapper json = new ObjectMapper();
        JsonNode fa = json.readTree(a.out());
        JsonNode fb = json.readTree(b.out());
        // every document counts for discovery, the 7 without the key field too
        assertThat(fa.get("documents").asLong()).isEqualTo(2507).isEqualTo(fb.get("documents").asLong());
        assertThat(fa.get("fields")).isEqualTo(fb.get("fields"));
        assertThat(fa.get("fields").findValuesAsText("path")).contains("other", "other.deep");
    }
}
