package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.engine.EngineSettings;
import io.ringsift.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 11, defect 10): {@code --readers 1024 --handlers 1024} on 120k rows took 500 s
 * on the 2-core box (1 x 1024: 2.5 s). Both are now capped at 4 threads per core (at least 4), with
 * a warning; the report shows what was used.
 */
class ThreadsFarAboveTheCoresTookMinutesTest {
    @TempDir
    Path dir;

    @Test
    void readersAndHandlersAreCappedWithAWarning() throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "key,v\na,1\nb,2\na,3\n");
        int cores = Runtime.getRuntime().availableProcessors();
        int max = EngineSettings.maxThreads(cores);
        Cli.Run r = Cli.run("ingest", "csv", "--key", "key", "--out", dir.resolve("o"), "--readers", 1024, "--handlers", 1024, in);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("ringsift: --readers 1024 capped at " + max + " (4 x " + cores + " cores)")
                .contains("ringsift: --handlers 1024 capped at " + max);
        var timing = Cli.report(dir.resolve("o")).get("timing");
        assertThat(timing.get("readers").asInt()).isEqualTo(max);
        assertThat(timing.get("handlers").asInt()).isEqualTo(max);
        assertThat(Cli.report(dir.resolve("o")).get("duplicateRecords").asLong()).isEqualTo(1);
    }

    @Test
    void withinTheCapNothingIsSaid() throws Exception {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "key,v\na,1\n");
        Cli.Run r = Cli.run("ingest", "csv", "--out", dir.resolve("o"), "--readers", 2, "--handlers", 4, in);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("capped");
    }
}
