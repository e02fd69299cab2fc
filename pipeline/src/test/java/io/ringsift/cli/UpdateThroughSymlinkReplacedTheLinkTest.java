package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.filter.FilterFile;
import io.ringsift.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 11, defect 4): {@code check --update --filter LINK} renamed the updated filter
 * over the symbolic link, so the link became a regular file and the real filter never changed.
 * Every atomic write now goes to the file the link names.
 */
class UpdateThroughSymlinkReplacedTheLinkTest {
    @TempDir
    Path dir;

    @Test
    void theRealFilterIsUpdatedAndTheLinkStaysALink() throws Exception {
        Path day1 = dir.resolve("day1.csv");
        Path day2 = dir.resolve("day2.csv");
        assertThat(Cli.run("generate", "csv", "--rows", 1000, "--seed", 1, "-o", day1).exitCode()).isZero();
        assertThat(Cli.run("generate", "csv", "--rows", 500, "--seed", 2, "-o", day2).exitCode()).isZero();
        Path out = dir.resolve("store");
        assertThat(Cli.run("ingest", "csv", "--key", "key", "--out", out, "-q", "--expected-keys", 10_000, day1).exitCode()).isZero();
        Path real = out.resolve("filter.bf");
        Path link = dir.resolve("current.bf");
        Files.createSymbolicLink(link, Path.of("store", "filter.bf"));   // relative, as `ln -s` makes them

        Cli.Run r = Cli.run("check", "--filter", link, "--update", "-q", day2);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(FilterFile.read(real).header().records()).isEqualTo(1500);
        try (var files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("filter.bf", "report.json");
        }
    }
}
