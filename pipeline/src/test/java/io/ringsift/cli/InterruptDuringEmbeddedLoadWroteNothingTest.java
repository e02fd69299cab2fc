package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringsift.testing.Cli;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 11, defect 7): a SIGTERM while {@code ingest mongo --embedded} was still loading
 * its JSON Lines file (or while a CSV input was being planned) left nothing at all, though the
 * README promises a report. The load and the planning now run inside the job console, whose
 * shutdown hook holds the JVM until the job has written its report: the run reads nothing more and
 * ends with {@code "complete": false, "stopReason": "interrupted"}.
 */
@Timeout(180)
class InterruptDuringEmbeddedLoadWroteNothingTest {
    @TempDir
    Path dir;

    @Test
    void sigtermWhileLoadingLeavesAnInterruptedReport() throws Exception {
        Path jsonl = dir.resolve("people.jsonl");
        Cli.Run g = Cli.run("generate", "jsonl", "--rows", 200_000, "--seed", 4, "-o", jsonl);
        assertThat(g.exitCode()).as(g.err()).isZero();
        Path out = dir.resolve("o");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "ingest", "mongo", "--embedded", jsonl.toString(),
                "--progress", "--out", out.toString());
        Process p = pb.start();
        CountDownLatch inJob = new CountDownLatch(1);
        StringBuffer err = new StringBuffer();
        CompletableFuture.runAsync(() -> drain(p.getErrorStream(), err, inJob));
        CompletableFuture.runAsync(() -> drain(p.getInputStream(), new StringBuffer(), null));
        // the progress line shows "0 rows" once a second from the moment the job console runs: still loading
        assertThat(inJob.await(60, TimeUnit.SECONDS)).as("no progress line: %s", err).isTrue();
        assertThat(p.isAlive()).isTrue();
        p.destroy();   // SIGTERM
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("exit within the grace period").isTrue();
        assertThat(p.exitValue()).isEqualTo(143);
        JsonNode rep = Cli.report(out);
        assertThat(rep.get("complete").asBoolean()).as("%s", err).isFalse();
        assertThat(rep.get("stopReason").asText()).isEqualTo("interrupted");
        assertThat(out.resolve("filter.bf")).doesNotExist();
    }

    private static void drain(InputStream in, StringBuffer sb, CountDownLatch onZeroRows) {
        byte[] buf = new byte[4096];
        try (in) {
            for (int n; (n = in.read(buf)) > 0; ) {
                sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                if (onZeroRows != null && sb.indexOf("\r0 rows") >= 0) {
                    onZeroRows.countDown();
                }
            }
        } catch (IOException e) {
            sb.append("[read failed: ").append(e).append(']');
        }
    }
}
