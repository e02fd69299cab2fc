package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression (issue 14): a directory argument was refused with no hint. It now means its files. */
class DirectoryRefusedWithoutHintTest {
    @TempDir
    Path dir;

    @Test
    void aDirectoryMeansItsFilesInNameOrder() throws Exception {
        Path d = Files.createDirectory(dir.resolve("in"));
        Files.writeString(d.resolve("b.csv"), "id\n3\n");
        Files.writeString(d.resolve("a.csv"), "id\n1\n2\n");
        Path out = dir.resolve("o");
        Cli.Run r = Cli.run("ingest", "csv", "--key", "id", "--out", out, d);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("reading 2 files in name order (a.csv, b.csv)");
        var rep = Cli.report(out);
        assertThat(rep.get("records").asLong()).isEqualTo(3);
        assertThat(rep.get("sources").get(0).get("path").asText()).endsWith("a.csv");
    }

    @Test
    void aGlobThatMatchesNothingNamesWhatIsThere() throws Exception {
        Path d = Files.createDirectory(dir.resolve("in"));
        Files.writeString(d.resolve("a.tsv"), "id\n1\n");
        Cli.Run r = Cli.run("ingest", "csv", "--glob", "*.csv", "--out", dir.resolve("o"), d);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err().strip()).isEqualTo("ringsift: " + d + ": no files matching --glob '*.csv' in this directory (it has a.tsv; change --glob)");
    }
}
