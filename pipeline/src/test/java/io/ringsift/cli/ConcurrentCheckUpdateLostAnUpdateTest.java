package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.filter.FilterFile;
import io.ringsift.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 11, defect 4): two concurrent {@code check --update} on one filter both exited
 * 0 and one update was lost (each read the filter, added its keys, and renamed its own copy over
 * the other's). An update now holds an advisory lock on the filter from before it reads it until
 * it has written it back: a second process fails at once with exit 3 naming the holder.
 */
@Timeout(180)
class ConcurrentCheckUpdateLostAnUpdateTest {
    @TempDir
    Path dir;

    @Test
    void aSecondUpdateWhileTheFirstRunsIsRefusedNamingItAndNoUpdateIsLost() throws Exception {
        Path day1 = dir.resolve("day1.csv");
        Path day2 = dir.resolve("day2.csv");
        Path day3 = dir.resolve("day3.csv");
        assertThat(Cli.run("generate", "csv", "--rows", 1000, "--seed", 1, "-o", day1).exitCode()).isZero();
        assertThat(Cli.run("generate", "csv", "--rows", 400_000, "--seed", 2, "-o", day2).exitCode()).isZero();
        assertThat(Cli.run("generate", "csv", "--rows", 1000, "--seed", 3, "-o", day3).exitCode()).isZero();
        Path out = dir.resolve("a");
        assertThat(Cli.run("ingest", "csv", "--key", "key", "--out", out, "-q", "--expected-keys", 1_000_000, day1).exitCode()).isZero();
        Path filter = out.resolve("filter.bf");
        long before = FilterFile.read(filter).header().records();

        // the first update in another JVM, slowed down (one row per ring slot) so the second comes while it runs
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "check", "--filter", filter.toString(),
                "--update", "--batch-size", "1", "--readers", "1", "--handlers", "1", "-q", day2.toString()));
        Process first = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("first.log").toFile()).start();
        Path lock = out.resolve(".filter.bf.lock");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (first.isAlive() && System.nanoTime() < deadline && !(Files.exists(lock) && Files.readString(lock).contains("pid"))) {
            Thread.sleep(5);
        }
        assertThat(first.isAlive()).as("the first update ended before the second started: %s", log()).isTrue();

        Cli.Run second = Cli.run("check", "--filter", filter, "--update", "-q", day3);
        assertThat(second.exitCode()).isEqualTo(3);
        assertThat(second.err()).contains("filter " + filter.toRealPath() + " is in use by another ringsift run (pid " + first.pid());

        assertThat(first.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as(log()).isZero();
        assertThat(lock).as("released").doesNotExist();
        Cli.Run retried = Cli.run("check", "--filter", filter, "--update", "-q", day3);
        assertThat(retried.exitCode()).as(retried.err()).isZero();
        assertThat(FilterFile.read(filter).header().records()).as("both updates counted").isEqualTo(before + 400_000 + 1000);
    }

    private String log() throws IOException {
        return Files.readString(dir.resolve("first.log"));
    }
}
