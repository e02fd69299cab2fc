package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringsift.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** JSON input files as users have them: a BOM, CRLF, blank and broken lines, JSON arrays; check output byte for byte. */
@Timeout(120)
class JsonlInputsTest {
    @TempDir
    Path dir;

    /** The case: "a JSONL file with a BOM fails at Position: 1". */
    @Test
    void jsonlWithBomIsReadAndBadLinesAreRejectsWithTheirLine() throws Exception {
        Path f = dir.resolve("bom.jsonl");
        Files.write(f, ("\uFEFF{\"_id\": 1, \"a\": \"x\"}\r\n"
                + "\r\n"
                + "{\"_id\": 2, \"a\":\n"
                + "[1, 2]\n"
                + "{\"b\": 1}\n"
                + "{\"_id\": 3, \"a\": \"y\"} trailing\n"
                + "{\"_id\": 4}").getBytes(StandardCharsets.UTF_8));
        Path out = dir.resolve("o");
        Cli.Run r = Cli.run("ingest", "jsonl", "--out", out, f);
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode rep = Cli.report(out);
        assertThat(rep.get("command").asText()).isEqualTo("ingest jsonl");
        assertThat(rep.get("records").asLong()).isEqualTo(2);
        assertThat(rep.get("rejected").asLong()).isEqualTo(4);
        List<String> rejects = Files.readAllLines(out.resolve("rejects.csv"));
        assertThat(rejects).hasSize(5);
        assertThat(rejects.get(1)).startsWith(f + ",3,malformed JSON");
        assertThat(rejects.get(2)).startsWith(f + ",4,not a JSON document: the line holds an array");
        assertThat(rejects.get(3)).startsWith(f + ",5,missing key field '_id'");
        assertThat(rejects.get(4)).startsWith(f + ",6,");
        assertThat(r.out()).contains("records      2 accepted, 4 rejected");
    }

    @Test
    void aJsonArrayFileReadsLikeTheSameDocumentsAsLines() throws Exception {
        Path lines = dir.resolve("people.jsonl");
        Path array = dir.resolve("people.json");
        List<String> docs = Files.readAllLines(Path.of("../samples/people.jsonl"));
        Files.write(lines, docs);
        Files.writeString(array, "[\n" + String.join(",\n", docs) + "\n]\n");
        Cli.Run a = Cli.run("ingest", "jsonl", "--key", "email", "--out", dir.resolve("a"), lines);
        Cli.Run b = Cli.run("ingest", "jsonl", "--key", "email", "--out", dir.resolve("b"), array);
        assertThat(a.exitCode()).as(a.err()).isZero();
        assertThat(b.exitCode()).as(b.err()).isZero();
        JsonNode ra = Cli.report(dir.resolve("a"));
        JsonNode rb = Cli.report(dir.resolve("b"));
        assertThat(rb.get("records").asLong()).isEqualTo(200);
        assertThat(rb.get("duplicateRecords")).isEqualTo(ra.get("duplicateRecords"));
        assertThat(rb.get("fields")).isEqualTo(ra.get("fields"));
    }

    /** The case: "a JSON array file fails with a raw BSON library message". */
    @Test
    void aMalformedJsonArrayStopsWithOneLineNamingFileAndElement() throws Exception {
        Path f = dir.resolve("broken.json");
        Files.writeString(f, "[{\"_id\": 1}, {\"_id\": 2}, {\"_id\": }]");
        Cli.Run r = Cli.run("ingest", "jsonl", "--out", dir.resolve("o"), f);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("broken.json: malformed JSON array at element 3").doesNotContain("\tat ");
        assertThat(dir.resolve("o/filter.bf")).doesNotExist();
        assertThat(Cli.report(dir.resolve("o")).get("complete").asBoolean()).isFalse();
    }

    @Test
    void checkOnJsonlWritesTheOriginalLinesByteForByte() throws Exception {
        Path day1 = dir.resolve("day1.jsonl");
        Files.writeString(day1, "{\"_id\": 1, \"k\": \"a\"}\n{\"_id\": 2, \"k\": \"b\"}\n");
        Path out = dir.resolve("o");
        assertThat(Cli.run("ingest", "jsonl", "--key", "k", "--out", out, "--fpp", "1e-9", day1).exitCode()).isZero();
        Path day2 = dir.resolve("day2.jsonl");
        String seenA = "{ \"k\" : \"a\",   \"n\": {\"$numberLong\": \"7\"} }\r\n";
        String newC = "{\"k\": \"c\", \"note\": \"zoë\"}\n";
        String seenB = "{\"k\":\"b\"}\n";
        String newD = "{\"k\": \"d\"}";   // last line without a line feed: one is added
        Files.write(day2, ("\uFEFF" + seenA + newC + "\n" + seenB + newD).getBytes(StandardCharsets.UTF_8));
        Path newOut = dir.resolve("new.jsonl");
        Path seenOut = dir.resolve("seen.jsonl");
        Cli.Run r = Cli.run("check", "--filter", out.resolve("filter.bf"), "--new", newOut, "--seen", seenOut,
                "--out", dir.resolve("c"), day2);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(newOut, StandardCharsets.UTF_8)).isEqualTo(newC + newD + "\n");
        assertThat(Files.readString(seenOut, StandardCharsets.UTF_8)).isEqualTo(seenA + seenB);
    }

    @Test
    void checkRefusesCsvAndJsonlTogether() throws Exception {
        Path day1 = dir.resolve("d.jsonl");
        Files.writeString(day1, "{\"_id\": 1}\n");
        Path csv = dir.resolve("d.csv");
        Files.writeString(csv, "_id\n1\n");
        Path out = dir.resolve("o");
        assertThat(Cli.run("ingest", "jsonl", "--out", out, day1).exitCode()).isZero();
        Cli.Run r = Cli.run("check", "--filter", out.resolve("filter.bf"), "--out", dir.resolve("c"), day1, csv);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("not both at once");
    }
}
