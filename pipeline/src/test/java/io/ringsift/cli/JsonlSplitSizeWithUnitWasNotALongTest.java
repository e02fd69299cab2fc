package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: {@code ingest jsonl} declared its own {@code --split-size} as a plain long, so
 * {@code --split-size 64MB} was a usage error there while {@code ingest csv} took it. Every command
 * now shares the one declaration (SplitOptions).
 */
class JsonlSplitSizeWithUnitWasNotALongTest {
    @TempDir
    Path dir;

    @Test
    void everyCommandThatSplitsFilesTakesASizeWithAUnit() throws Exception {
        Path f = dir.resolve("a.jsonl");
        Files.writeString(f, "{\"_id\": 1}\n{\"_id\": 2}\n{\"_id\": 1}\n");
        Cli.Run ingest = Cli.run("ingest", "jsonl", "-q", "--split-size", "64MB", "--out", dir.resolve("o"), f);
        assertThat(ingest.exitCode()).as(ingest.err()).isZero();
        Cli.Run fields = Cli.run("fields", "-q", "--split-size", "1MiB", f);
        assertThat(fields.exitCode()).as(fields.err()).isZero();
        Cli.Run check = Cli.run("check", "-q", "--split-size", "512k", "--filter", dir.resolve("o").resolve("filter.bf"), f);
        assertThat(check.exitCode()).as(check.err()).isZero();
        Cli.Run bad = Cli.run("ingest", "jsonl", "--split-size", "64XB", "--out", dir.resolve("o2"), f);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("'64XB' is not a size");
    }
}
