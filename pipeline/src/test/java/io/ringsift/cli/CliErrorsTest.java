package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad arguments fail fast with one line and the documented exit code, before any work. */
class CliErrorsTest {
    @TempDir
    Path dir;

    private Path csv(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, body);
        return p;
    }

    @Test
    void missingFileIsExit3WithOneLine() {
        Cli.Run r = Cli.run("ingest", "csv", "--out", dir.resolve("o"), dir.resolve("nope.csv"));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err().strip()).isEqualTo("ringsift: " + dir.resolve("nope.csv") + ": no such file");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void anEmptyDirectoryIsExit3() {
        // a directory means its files (DirectoryRefusedWithoutHintTest); one with none is an input error
        Cli.Run r = Cli.run("ingest", "csv", "--out", dir.resolve("o"), dir);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains(dir + ": no files in this directory");
    }

    @Test
    void unknownKeyColumnNamesTheColumnsThatExist() throws IOException {
        Path f = csv("a.csv", "id,name\n1,x\n");
        Cli.Run r = Cli.run("ingest", "csv", "--key", "key", "--out", dir.resolve("o"), f);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("unknown --key column 'key'").contains("columns are: id, name");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void badOptionValuesAreUsageErrors() throws IOException {
        Path f = csv("a.csv", "id\n1\n");
        assertThat(Cli.run("ingest", "csv", "--readers", "0", "--out", dir.resolve("o"), f).exitCode()).isEqualTo(2);
        assertThat(Cli.run("ingest", "csv", "--fpp", "1.5", "--out", dir.resolve("o"), f).exitCode()).isEqualTo(2);
        assertThat(Cli.run("ingest", "csv", "--delimiter", "ab", "--out", dir.resolve("o"), f).exitCode()).isEqualTo(2);
        assertThat(Cli.run("ingest", "csv", "--bogus", f).exitCode()).isEqualTo(2);
        assertThat(Cli.run("ingest", "csv", "--out", dir.resolve("o")).exitCode()).isEqualTo(2);
    }

    @Test
    void emptyAndHeaderOnlyFilesGiveAValidReportWithZeroRecords() throws IOException {
        Path empty = csv("empty.csv", "");
        Path headerOnly = csv("h.csv", "id,name\r\n");
        Path out = dir.resolve("o");
        Cli.Run r = Cli.run("ingest", "csv", "--key", "id", "--out", out, empty, headerOnly);
        assertThat(r.exitCode()).as(r.err()).isZero();
        var rep = Cli.report(out);
        assertThat(rep.get("complete").asBoolean()).isTrue();
        assertThat(rep.get("records").asLong()).isZero();
        assertThat(rep.get("rejected").asLong()).isZero();
        assertThat(out.resolve("filter.bf")).exists();
        assertThat(out.resolve("rejects.csv")).doesNotExist();
    }

    @Test
    void unwritableOutputDirectoryIsExit3BeforeReading() throws IOException {
        Path f = csv("a.csv", "id\n1\n");
        Path notADir = csv("file-not-dir", "x");
        Cli.Run r = Cli.run("ingest", "csv", "--out", notADir.resolve("sub"), f);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("output directory").contains("not writable");
    }

    @Test
    void helpListsExitCodes() {
        Cli.Run r = Cli.run("ingest", "csv", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--key").contains("--max-rejects").contains("Exit codes: 0 ok, 2 usage error");
    }

    @Test
    void dialectRulesFromTheReadme() throws IOException {
        // BOM stripped; CRLF/LF/CR; blank line skipped; a line of spaces is a record; empty key is a key;
        // quoted and unquoted spellings of the same text are the same key
        byte[] body = "\uFEFFk,v\r\nx,1\n\n   ,2\r,3\n\"x\",4\n\"\",5\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Path f = dir.resolve("d.csv");
        Files.write(f, body);
        Path out = dir.resolve("o");
        Cli.Run r = Cli.run("ingest", "csv", "--key", "k", "--out", out, "--fpp", "1e-6", f);
        assertThat(r.exitCode()).as(r.err()).isZero();
        var rep = Cli.report(out);
        assertThat(rep.get("records").asLong()).isEqualTo(5);
        assertThat(rep.get("rejected").asLong()).isZero();
        // "x" twice, "" twice ("" from ",3" and from "\"\",5")
        assertThat(rep.get("duplicateRecords").asLong()).isEqualTo(2);
        assertThat(rep.get("fields").get(0).get("name").asText()).isEqualTo("k");
    }

    /** Regression: a run that stopped early left the previous run's filter.bf beside its incomplete report. */
    @Test
    void aRunThatStopsEarlyLeavesNoEarlierFilterBehind() throws IOException {
        Path good = csv("good.csv", "id\n1\n2\n");
        Path bad = csv("bad.csv", "id\n1,extra\n2,extra\n");
        Path out = dir.resolve("o");
        assertThat(Cli.run("ingest", "csv", "--key", "id", "--out", out, "-q", good).exitCode()).isZero();
        assertThat(out.resolve("filter.bf")).exists();
        assertThat(Cli.run("ingest", "csv", "--key", "id", "--out", out, "-q", "--max-rejects", "0", bad).exitCode()).isEqualTo(4);
        assertThat(out.resolve("filter.bf")).doesNotExist();
        assertThat(Cli.report(out).get("complete").asBoolean()).isFalse();
    }
}
