package io.ringsift.source.jsonl;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.key.KeySpec;
import io.ringsift.record.Reject;
import io.ringsift.testing.CollectingSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JSON Lines files cut at line ends read exactly as the whole file: same documents, lines, rejects. */
class JsonlSplitTest {
    @TempDir
    Path dir;

    /** Lines of random length, CRLF and LF, a blank line now and then, a malformed line every 37th. */
    private Path file(long seed, int lines) throws Exception {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder("\uFEFF");
        for (int i = 0; i < lines; i++) {
            if (i % 37 == 36) {
                sb.append("{\"_id\": ").append(i).append(", \"broken\": \n");
                continue;
            }
            if (rnd.nextInt(20) == 0) {
                sb.append(rnd.nextBoolean() ? "\n" : "  \r\n");
            }
            sb.append("{\"_id\": ").append(i).append(", \"v\": \"").append("x".repeat(rnd.nextInt(80))).append("é\"}")
                    .append(rnd.nextBoolean() ? "\r\n" : "\n");
        }
        Path f = dir.resolve("f" + seed + ".jsonl");
        Files.writeString(f, sb, StandardCharsets.UTF_8);
        return f;
    }

    private static CollectingSink readAll(List<JsonlUnit> units) throws Exception {
        CollectingSink sink = new CollectingSink();
        JsonlUnitReader reader = new JsonlUnitReader(new KeySpec(List.of("_id")), true);
        for (JsonlUnit u : units) {
            reader.read(u, sink, sink);
        }
        return sink;
    }

    private static List<String> docs(CollectingSink s) {
        List<String> out = new ArrayList<>();
        s.rows().stream().sorted(Comparator.comparingLong(CollectingSink.Row::line))
                .forEach(r -> out.add(r.line() + " " + ((RawBsonDocument) r.row()).toJson() + " " + new String(r.raw(), StandardCharsets.UTF_8)));
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void rangesStartAtLineStartsAndReadLikeTheWholeFile(long seed) throws Exception {
        Path f = file(seed, 500);
        List<JsonlUnit> whole = new JsonlPlanner(1, 1L << 30).plan(List.of(f));
        List<JsonlUnit> split = new JsonlPlanner(3, 1000).plan(List.of(f));
        assertThat(whole).hasSize(1);
        assertThat(split).hasSizeGreaterThan(4);
        byte[] bytes = Files.readAllBytes(f);
        long expectedLine = 1;
        long pos = 0;
        for (JsonlUnit u : split) {
            assertThat(u.start()).isEqualTo(pos);
            assertThat(u.start() == 0 || bytes[(int) u.start() - 1] == '\n').as("range starts after a line feed").isTrue();
            assertThat(u.firstLine()).isEqualTo(expectedLine);
            for (long i = u.start(); i < u.end(); i++) {
                if (bytes[(int) i] == '\n') {
                    expectedLine++;
                }
            }
            pos = u.end();
        }
        assertThat(pos).isEqualTo(bytes.length);
        CollectingSink one = readAll(whole);
        CollectingSink many = readAll(split);
        assertThat(docs(many)).isEqualTo(docs(one));
        assertThat(many.rejects()).extracting(Reject::line).containsExactlyInAnyOrderElementsOf(
                one.rejects().stream().map(Reject::line).toList());
        assertThat(one.rejects()).hasSize(500 / 37);
        assertThat(one.rows().size() + one.rejects().size()).isEqualTo(500);
    }

    @Test
    void originalLinesAreKeptByteForByteWithoutTheBom() throws Exception {
        Path f = dir.resolve("a.jsonl");
        Files.write(f, "\uFEFF{\"_id\": 1,  \"a\" : \"ü\"}\r\n{\"_id\":2}".getBytes(StandardCharsets.UTF_8));
        CollectingSink s = readAll(new JsonlPlanner(1, 1L << 30).plan(List.of(f)));
        assertThat(s.rows()).hasSize(2);
        assertThat(new String(s.rows().get(0).raw(), StandardCharsets.UTF_8)).isEqualTo("{\"_id\": 1,  \"a\" : \"ü\"}\r\n");
        assertThat(new String(s.rows().get(1).raw(), StandardCharsets.UTF_8)).isEqualTo("{\"_id\":2}\n");
        assertThat(s.rows().get(1).line()).isEqualTo(2);
    }

    @Test
    void aJsonArrayFileIsOneUnitOfItsDocuments() throws Exception {
        Path f = dir.resolve("arr.json");
        Files.writeString(f, "\uFEFF [\n {\"_id\": 1, \"n\": {\"$numberLong\": \"5\"}},\n {\"_id\": 2},\n 7,\n {\"x\": 1}\n]\n");
        List<JsonlUnit> units = new JsonlPlanner(4, 1).plan(List.of(f));
        assertThat(units).singleElement().matches(JsonlUnit::array);
        CollectingSink s = readAll(units);
        assertThat(s.rows()).hasSize(2);
        assertThat(((RawBsonDocument) s.rows().get(0).row()).get("n").isInt64()).isTrue();
        assertThat(s.rejects()).extracting(Reject::reason)
                .containsExactly("array element 3 is a int32, not a document", "array element 4: missing key field '_id'");
    }

    @Test
    void aMalformedJsonArrayFailsNamingTheElement() throws Exception {
        Path f = dir.resolve("bad.json");
        Files.writeString(f, "[{\"_id\": 1}, {\"_id\": }, {\"_id\": 3}]");
        List<JsonlUnit> units = new JsonlPlanner(1, 1L << 30).plan(List.of(f));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> readAll(units))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("bad.json: malformed JSON array at element 2");
    }
}
