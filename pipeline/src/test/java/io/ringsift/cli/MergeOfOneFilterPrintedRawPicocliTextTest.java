package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.testing.Cli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression (issue 14): {@code merge a.bf -o x} (one input) printed raw picocli text. */
class MergeOfOneFilterPrintedRawPicocliTextTest {
    @TempDir
    Path dir;

    @Test
    void oneFilterIsAOneLineUsageError() {
        Cli.Run r = Cli.run("merge", dir.resolve("a.bf"), "-o", dir.resolve("x.bf"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().lines().findFirst().orElseThrow())
                .isEqualTo("ringsift: merge needs two or more filters, got one (" + dir.resolve("a.bf")
                        + "); give the others too (a single filter needs no merge: copy it)");
    }
}
