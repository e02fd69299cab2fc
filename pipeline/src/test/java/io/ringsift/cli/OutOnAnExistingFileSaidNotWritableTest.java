package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression (issue 14): {@code --out FILE} on an existing file said "not writable". */
class OutOnAnExistingFileSaidNotWritableTest {
    @TempDir
    Path dir;

    @Test
    void itSaysItIsAFile() throws Exception {
        Path f = dir.resolve("a.csv");
        Files.writeString(f, "id\n1\n");
        Path file = dir.resolve("results.json");
        Files.writeString(file, "{}");
        Cli.Run r = Cli.run("ingest", "csv", "--out", file, f);
        // a usage error since the reliability work checks --out with the other options
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElseThrow()).isEqualTo("ringsift: --out " + file + " is a file, not a directory");
        assertThat(Files.readString(file)).isEqualTo("{}");
    }
}
