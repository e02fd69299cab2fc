package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression (issue 14): {@code check} wrote report.json into the current directory unasked. */
class CheckWroteReportIntoWorkingDirectoryTest {
    @TempDir
    Path dir;

    @Test
    void withoutOutNothingIsWrittenAndRejectsAreStillCounted() throws Exception {
        Path day1 = dir.resolve("day1.csv");
        Files.writeString(day1, "id\n1\n2\n");
        Path day2 = dir.resolve("day2.csv");
        Files.writeString(day2, "id\n2\n3\n\"bad\n");
        Path f = dir.resolve("f");
        assertThat(Cli.run("ingest", "csv", "-q", "--key", "id", "--out", f, day1).exitCode()).isZero();
        boolean before = Files.exists(Path.of("report.json"));
        Cli.Run r = Cli.run("check", "--filter", f.resolve("filter.bf"), day2);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.exists(Path.of("report.json"))).isEqualTo(before);
        assertThat(Files.exists(Path.of("rejects.csv"))).isFalse();
        assertThat(r.out()).contains("2 accepted, 1 rejected (give --out DIR to keep them in DIR/rejects.csv)")
                .doesNotContain("report ");

        Path out = dir.resolve("c");
        Cli.Run withOut = Cli.run("check", "--filter", f.resolve("filter.bf"), "--out", out, day2);
        assertThat(withOut.exitCode()).isZero();
        assertThat(Cli.report(out).get("check").get("newRecords").asLong()).isEqualTo(1);
        assertThat(out.resolve("rejects.csv")).exists();
    }
}
