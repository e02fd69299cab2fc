package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.airlift.compress.zstd.ZstdOutputStream;
import io.ringsift.testing.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * gzip, zstd, standard input and a directory give the same report as the plain file: records,
 * rejects, duplicates, distinct estimate and every field statistic. The plain file is split into
 * several ranges for two readers; the others are one unit each, so this also checks that the
 * split and unsplit reads agree.
 */
class CompressedStdinAndDirectoryInputsTest {
    @TempDir
    static Path dir;
    static Path plain;
    static byte[] bytes;
    static JsonNode expected;

    @BeforeAll
    static void generate() throws IOException {
        plain = dir.resolve("data.csv");
        Cli.Run g = Cli.run("generate", "csv", "--rows", 30_000, "--dup-rate", 0.2, "--columns", 5, "--seed", 11, "-o", plain);
        assertThat(g.exitCode()).as(g.err()).isZero();
        // two bad rows, so rejects must match too
        Files.writeString(plain, "short,row\n\"unterminated\n", java.nio.file.StandardOpenOption.APPEND);
        bytes = Files.readAllBytes(plain);
        expected = ingest("plain", plain);
        assertThat(expected.get("records").asLong()).isEqualTo(30_000);
        assertThat(expected.get("rejected").asLong()).isEqualTo(2);
        assertThat(expected.get("dialect").get("detected").asBoolean()).isTrue();
    }

    private static JsonNode ingest(String name, Object input) throws IOException {
        Path out = dir.resolve("out-" + name);
        Cli.Run r = Cli.run("ingest", "csv", "-q", "--key", "key", "--readers", 2, "--handlers", 2, "--split-size", "64k",
                "--fpp", "1e-9", "--out", out, input);
        assertThat(r.exitCode()).as(r.err()).isZero();
        return Cli.report(out);
    }

    private static void assertSameAsPlain(JsonNode rep) {
        for (String f : new String[] {"records", "rejected", "duplicateRecords", "distinctKeysEstimate", "fields", "dialect"}) {
            assertThat(withoutMergeOrderBounds(rep.get(f))).as(f).isEqualTo(withoutMergeOrderBounds(expected.get(f)));
        }
        // an HLL estimate (a column past the exact table) lies within the bounds of the other's
        for (int i = 0; i < expected.get("fields").size(); i++) {
            JsonNode e = expected.get("fields").get(i);
            if (!e.get("distinctExact").asBoolean()) {
                assertThat(rep.get("fields").get(i).get("distinctEstimate").asDouble()).as(e.get("name").asText())
                        .isBetween(e.get("distinctLowerBound").asDouble(), e.get("distinctUpperBound").asDouble());
            }
        }
        assertThat(rep.get("complete").asBoolean()).isTrue();
    }

    /**
     * The frequent-items sketch's error bound and a column's HLL estimate depend on how the rows
     * were cut into units and merged (each reader keeps its own profile; a directory of parts
     * merges three); the values, counts and every exact figure do not.
     */
    private static JsonNode withoutMergeOrderBounds(JsonNode n) {
        JsonNode copy = n.deepCopy();
        if (copy.isArray()) {
            copy.forEach(f -> {
                if (f.isObject()) {
                    ObjectNode o = (ObjectNode) f;
                    o.remove("frequentValuesMaxError");
                    if (o.has("distinctExact") && !o.get("distinctExact").asBoolean()) {
                        o.remove(List.of("distinctEstimate", "distinctLowerBound", "distinctUpperBound"));
                    }
                }
            });
        }
        return copy;
    }

    private static byte[] compress(boolean gzip) throws IOException {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (OutputStream o = gzip ? new GZIPOutputStream(bo) : new ZstdOutputStream(bo)) {
            o.write(bytes);
        }
        return bo.toByteArray();
    }

    @Test
    void gzip() throws IOException {
        Path gz = dir.resolve("data.csv.gz");
        Files.write(gz, compress(true));
        JsonNode rep = ingest("gz", gz);
        assertSameAsPlain(rep);
        // sources count stored (compressed) bytes: what the progress line's percentage is of
        assertThat(rep.get("sources").get(0).get("bytes").asLong()).isEqualTo(Files.size(gz));
    }

    @Test
    void zstd() throws IOException {
        Path zst = dir.resolve("data.csv.zst");
        Files.write(zst, compress(false));
        assertSameAsPlain(ingest("zst", zst));
    }

    @Test
    void standardInput() throws IOException {
        InputStream previous = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(bytes));
            JsonNode rep = ingest("stdin", "-");
            assertSameAsPlain(rep);
            assertThat(rep.get("sources").get(0).get("path").asText()).isEqualTo("stdin");
        } finally {
            System.setIn(previous);
        }
    }

    @Test
    void gzipOnStandardInput() throws IOException {
        InputStream previous = System.in;
        try {
            System.setIn(new java.io.ByteArrayInputStream(compress(true)));
            assertSameAsPlain(ingest("stdin-gz", "-"));
        } finally {
            System.setIn(previous);
        }
    }

    @Test
    void directoryOfParts() throws IOException {
        // the same rows cut in three files (the header repeated), one of them gzip'd
        Path d = Files.createDirectories(dir.resolve("parts"));
        String text = new String(bytes, StandardCharsets.UTF_8);
        String header = text.substring(0, text.indexOf('\n') + 1);
        String body = text.substring(header.length());
        int a = body.indexOf('\n', body.length() / 3) + 1;
        int b = body.indexOf('\n', 2 * body.length() / 3) + 1;
        Files.writeString(d.resolve("part-1.csv"), header + body.substring(0, a));
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(d.resolve("part-2.csv.gz")))) {
            o.write((header + body.substring(a, b)).getBytes(StandardCharsets.UTF_8));
        }
        Files.writeString(d.resolve("part-3.csv"), header + body.substring(b));
        Files.writeString(d.resolve("README.txt"), "not data");
        Path out = dir.resolve("out-dir");
        Cli.Run r = Cli.run("ingest", "csv", "--key", "key", "--readers", 2, "--handlers", 2, "--fpp", "1e-9",
                "--glob", "part-*", "--out", out, d);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("reading 3 files matching --glob 'part-*' in name order (part-1.csv, part-2.csv.gz, part-3.csv)");
        JsonNode rep = Cli.report(out);
        assertSameAsPlain(rep);
        assertThat(rep.get("sources")).hasSize(3);
    }
}
