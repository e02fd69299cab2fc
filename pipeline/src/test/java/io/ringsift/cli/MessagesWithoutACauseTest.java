package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.testing.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 11, defect 9): messages that named no cause, or no place:
 * {@code ringsift: /tmp/x/nope.bf} for a missing filter, {@code ringsift: Is a directory},
 * {@code --checkpoint} pointing at a file, "internal error" and a stack trace for a JSON Lines
 * document over 16 MiB or with a NUL in a field name, and {@code cannot read badu.jsonl (line 0)}
 * for invalid UTF-8 on line 3. (A full disk during {@code check --new}: DiskFullInCheckNamedTheHandlerTest.)
 */
class MessagesWithoutACauseTest {
    @TempDir
    Path dir;

    private Path csv() throws IOException {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "key,v\na,1\n");
        return in;
    }

    private static void assertOneLine(Cli.Run r, int code, String expected) {
        assertThat(r.exitCode()).as(r.err()).isEqualTo(code);
        assertThat(r.err()).startsWith(expected).doesNotContain("internal error").doesNotContain("\tat ");
    }

    @Test
    void aMissingFilterSaysSo() throws IOException {
        Path nope = dir.resolve("nope.bf");
        assertOneLine(Cli.run("check", "--filter", nope, csv()), 3, "ringsift: --filter " + nope + ": no such file");
        assertOneLine(Cli.run("info", nope), 3, "ringsift: filter " + nope + ": no such file");
    }

    @Test
    void aDirectoryGivenAsTheFilterSaysSo() throws IOException {
        assertOneLine(Cli.run("check", "--filter", dir, csv()), 3, "ringsift: --filter " + dir + ": is a directory, not a file");
        assertOneLine(Cli.run("info", dir), 3, "ringsift: filter " + dir + ": is a directory, not a file");
        assertOneLine(Cli.run("merge", dir, dir, "-o", dir.resolve("m.bf")), 3, "ringsift: filter " + dir + ": is a directory, not a file");
    }

    @Test
    void aCheckpointThatIsAFileSaysSo() throws IOException {
        Path file = dir.resolve("cp");
        Files.writeString(file, "x");
        Cli.Run r = Cli.run("ingest", "csv", "--out", dir.resolve("o"), "--checkpoint", file, csv());
        assertOneLine(r, 2, "ringsift: --checkpoint " + file + " is a file, not a directory");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void anOutThatIsAFileSaysSo() throws IOException {
        Path file = dir.resolve("o");
        Files.writeString(file, "x");
        assertOneLine(Cli.run("ingest", "csv", "--out", file, csv()), 2, "ringsift: --out " + file + " is a file, not a directory");
    }

    @Test
    void aJsonLinesDocumentOver16MiBNamesItsLine() throws IOException {
        Path f = dir.resolve("big.jsonl");
        String big = "{\"_id\": 2, \"blob\": \"" + "x".repeat(17 * 1024 * 1024) + "\"}\n";
        Files.writeString(f, "{\"_id\": 1}\n" + big);
        Cli.Run r = Cli.run("ingest", "mongo", "--embedded", f, "--out", dir.resolve("o"));
        assertOneLine(r, 3, "ringsift: " + f + ":2: document of ");
        assertThat(r.err()).contains("bytes is over MongoDB's 16 MiB limit");
    }

    @Test
    void aNulInAFieldNameNamesItsLine() throws IOException {
        Path f = dir.resolve("nul.jsonl");
        Files.writeString(f, "{\"_id\": 1}\n{\"_id\": 2, \"a\\u0000b\": 1}\n");
        Cli.Run r = Cli.run("ingest", "mongo", "--embedded", f, "--out", dir.resolve("o"));
        assertOneLine(r, 3, "ringsift: " + f + ":2: cannot store this document: ");
        assertThat(r.err()).contains("null character");
    }

    @Test
    void invalidUtf8NamesItsLine() throws IOException {
        Path f = dir.resolve("badu.jsonl");
        byte[] bad = "{\"_id\": 3, \"n\": \"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] good = "{\"_id\": 1}\n{\"_id\": 2}\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[good.length + bad.length];
        System.arraycopy(good, 0, all, 0, good.length);
        System.arraycopy(bad, 0, all, good.length, bad.length);
        Files.write(f, all);
        Cli.Run r = Cli.run("ingest", "mongo", "--embedded", f, "--out", dir.resolve("o"));
        assertOneLine(r, 3, "ringsift: " + f + ":3: invalid UTF-8");
    }
}
