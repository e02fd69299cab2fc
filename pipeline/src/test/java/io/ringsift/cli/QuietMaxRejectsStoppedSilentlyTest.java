package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression (issue 14): {@code -q} with {@code --max-rejects} printed nothing at all when it stopped with exit 4. */
class QuietMaxRejectsStoppedSilentlyTest {
    @TempDir
    Path dir;

    @Test
    void theReasonIsOneLineOnStderr() throws Exception {
        Path f = dir.resolve("bad.csv");
        Files.writeString(f, "id,v\n1\n2\n3\n");
        Path out = dir.resolve("o");
        Cli.Run r = Cli.run("ingest", "csv", "-q", "--delimiter", ",", "--max-rejects", "1", "--out", out, f);
        assertThat(r.exitCode()).isEqualTo(4);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).startsWith("ringsift: stopped after ").contains("rejected records (more than --max-rejects 1)")
                .contains("see " + out.resolve("rejects.csv"));
        assertThat(r.err().strip().lines()).hasSize(1);
    }
}
