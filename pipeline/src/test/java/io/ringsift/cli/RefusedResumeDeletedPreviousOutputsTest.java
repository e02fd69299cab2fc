package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.io.RunLock;
import io.ringsift.job.RunDirectory;
import io.ringsift.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 11, defect 2): the previous run's outputs were cleared before the checkpoint
 * was validated, so a refused {@code --resume} or a refused fresh run deleted them. Now they are
 * cleared only after every check passed: a refused run leaves them byte for byte.
 */
class RefusedResumeDeletedPreviousOutputsTest {
    @TempDir
    Path dir;
    Path input;
    Path out;
    Map<String, byte[]> before;

    @BeforeEach
    void previousRun() throws IOException {
        input = dir.resolve("in.csv");
        Files.writeString(input, "key,v\na,1\nb,2\na,3\nbad\n");
        out = dir.resolve("out");
        Cli.Run r = Cli.run("ingest", "csv", "--key", "key", "--out", out, "-q", input);
        assertThat(r.exitCode()).as(r.err()).isZero();
        before = snapshot();
        assertThat(before).containsOnlyKeys("filter.bf", "report.json", "rejects.csv");
    }

    private Map<String, byte[]> snapshot() throws IOException {
        Map<String, byte[]> m = new LinkedHashMap<>();
        for (String name : List.of("filter.bf", "report.json", "rejects.csv")) {
            if (Files.exists(out.resolve(name))) {
                m.put(name, Files.readAllBytes(out.resolve(name)));
            }
        }
        return m;
    }

    private void assertOutputsUntouched() throws IOException {
        Map<String, byte[]> now = snapshot();
        assertThat(now.keySet()).isEqualTo(before.keySet());
        before.forEach((name, bytes) -> assertThat(now.get(name)).as(name).isEqualTo(bytes));
    }

    @Test
    void aResumeWithNothingToResumeKeepsThePreviousOutputs() throws IOException {
        Cli.Run r = Cli.run("ingest", "csv", "--key", "key", "--out", out, "--checkpoint", dir.resolve("none"), "--resume", input);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("nothing to resume");
        assertOutputsUntouched();
    }

    @Test
    void aResumeOfOtherInputsKeepsThePreviousOutputs() throws IOException {
        Path cp = dir.resolve("cp");
        Files.createDirectories(cp);
        Files.writeString(cp.resolve("journal.json"), "{\"version\":1,\"fingerprint\":\"something else\",\"handlers\":1,"
                + "\"complete\":false,\"epoch\":0,\"results\":[],\"rejectsLength\":0,\"rejects\":0,\"elapsedNanos\":0}");
        Cli.Run r = Cli.run("ingest", "csv", "--key", "key", "--out", out, "--checkpoint", cp, "--resume", "--handlers", 1, input);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("the inputs or options differ");
        assertOutputsUntouched();

        Cli.Run fresh = Cli.run("ingest", "csv", "--key", "key", "--out", out, "--checkpoint", cp, input);
        assertThat(fresh.exitCode()).isEqualTo(3);
        assertThat(fresh.err()).contains("holds an unfinished run");
        assertOutputsUntouched();
    }

    @Test
    void aRunRefusedBecauseTheDirectoryIsInUseKeepsThePreviousOutputs() throws IOException {
        try (RunLock held = RunLock.acquire(out.resolve(RunDirectory.LOCK_FILE), "test")) {
            Cli.Run r = Cli.run("ingest", "csv", "--key", "key", "--out", out, input);
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.err()).contains("output directory " + out + " is in use by another ringsift run (pid "
                    + ProcessHandle.current().pid());
            assertOutputsUntouched();
        }
    }
}
