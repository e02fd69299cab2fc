package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringsift.testing.Cli;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real signal to a real JVM running {@code ingest csv}: the run stops, drains, and leaves an
 * honest report ({@code "complete": false, "stopReason": "interrupted"}) and no filter file.
 *
 * <p>Exit status: our shutdown hook does not call {@code Runtime.halt}, so the JVM's own status
 * for the signal wins: 143 (128 + 15) for SIGTERM, 130 (128 + 2) for SIGINT. The job's own
 * return value (130) is lost because {@code System.exit} blocks once shutdown has begun.
 */
@Timeout(120)
class InterruptSignalTest {
    /** About 4 s of reading at one row per ring slot (2 columns, ~50 MB): the signal comes after ~1 s. */
    private static final int ROWS = 2_000_000;

    @TempDir
    static Path dir;
    private static Path input;

    @BeforeAll
    static void generate() {
        input = dir.resolve("in.csv");
        Cli.Run g = Cli.run("generate", "csv", "--rows", ROWS, "--columns", 2, "--seed", 11, "-o", input);
        assertThat(g.exitCode()).as(g.err()).isZero();
    }

    /** Starts ingest in a child JVM, slowed down (one row per ring slot) so it is still reading after 1 s. */
    private static Child start(Path out) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "ingest", "csv", "--progress", "--readers", "1", "--handlers", "1", "--batch-size", "1", "--key", "key",
                "--out", out.toString(), input.toString());
        return new Child(pb.start());
    }

    /** A child process with its stdout and stderr drained in the background (a full pipe would block it). */
    private static final class Child {
        static final java.util.regex.Pattern READING = java.util.regex.Pattern.compile("[1-9][\\d,]* rows ");
        final Process p;
        final CountDownLatch progressSeen = new CountDownLatch(1);
        final StringBuffer progress = new StringBuffer();
        final CompletableFuture<String> out;
        final CompletableFuture<String> err;

        Child(Process p) {
            this.p = p;
            this.out = CompletableFuture.supplyAsync(() -> drain(p.getInputStream(), null, new StringBuffer()));
            this.err = CompletableFuture.supplyAsync(() -> drain(p.getErrorStream(), progressSeen, progress));
        }

        private static String drain(InputStream in, CountDownLatch onRows, StringBuffer sb) {
            byte[] buf = new byte[4096];
            try (in) {
                int n;
                while ((n = in.read(buf)) > 0) {
                    sb.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    // a line with rows read, not merely the first line: that one can come (0 rows) before
                    // the reader starts, and a signal then stops a run that read nothing
                    if (onRows != null && READING.matcher(sb).find()) {
                        onRows.countDown();
                    }
                }
            } catch (IOException e) {
                sb.append("[read failed: ").append(e).append(']');
            }
            return sb.toString();
        }

        /** Waits for the first progress line: the run is past planning and reading records. */
        void awaitReading() throws Exception {
            boolean seen = progressSeen.await(60, TimeUnit.SECONDS);
            assertThat(p.isAlive()).as("the run ended before it could be signalled: %s", err.getNow("")).isTrue();
            assertThat(seen).as("no progress line within 60 s").isTrue();
            assertThat(progress.toString()).as("the first progress line already shows every row: the input is too small for this machine")
                    .doesNotContain(String.format(java.util.Locale.ROOT, "%,d rows", ROWS));
        }

        int awaitExit() throws Exception {
            // the hook holds the JVM for at most 30 s (Interrupts.GRACE_SECONDS); the drain takes far less
            boolean ended = p.waitFor(45, TimeUnit.SECONDS);
            if (!ended) {
                p.destroyForcibly();
            }
            assertThat(ended).as("the JVM did not exit within 45 s of the signal").isTrue();
            return p.exitValue();
        }
    }

    private static void assertInterruptedOutputs(Path out, Child c) throws Exception {
        JsonNode rep = Cli.report(out);
        assertThat(rep.get("complete").asBoolean()).as("report %s%nstderr %s%nstdout %s", rep, c.err.get(5, TimeUnit.SECONDS),
                c.out.get(5, TimeUnit.SECONDS)).isFalse();
        assertThat(rep.get("stopReason").asText()).isEqualTo("interrupted");
        assertThat(rep.has("filter")).isFalse();
        // what was processed before the stop, never the whole input
        assertThat(rep.get("records").asLong()).isPositive().isLessThan(ROWS);
        assertThat(out.resolve("filter.bf")).doesNotExist();
        try (Stream<Path> files = Files.list(out)) {
            List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
            // no temp file left behind, no rejects file (nothing was rejected)
            assertThat(names).containsExactly("report.json");
        }
    }

    @Test
    void sigtermStopsTheRunWritesAnIncompleteReportAndNoFilter() throws Exception {
        Path out = dir.resolve("term");
        Child c = start(out);
        c.awaitReading();
        long t0 = System.nanoTime();
        c.p.destroy();   // SIGTERM
        int code = c.awaitExit();
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).as("seconds from SIGTERM to exit").isLessThan(30);
        assertThat(code).as("JVM status for SIGTERM (128 + 15)").isEqualTo(143);
        assertInterruptedOutputs(out, c);
    }

    @Test
    void sigintGivesExit130AndTheSameOutputs() throws Exception {
        Path out = dir.resolve("int");
        Child c = start(out);
        // a JVM started with SIGINT ignored (background job of a non-interactive shell) never sees it
        long ignored = Files.readAllLines(Path.of("/proc/" + c.p.pid() + "/status")).stream()
                .filter(l -> l.startsWith("SigIgn:")).map(l -> Long.parseLong(l.substring(7).strip(), 16)).findFirst().orElse(0L);
        if ((ignored & 0b10) != 0) {
            c.p.destroyForcibly();
        }
        assumeThat(ignored & 0b10).as("SIGINT is ignored in this environment").isZero();
        c.awaitReading();
        Process kill = new ProcessBuilder("kill", "-INT", Long.toString(c.p.pid())).inheritIO().start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        int code = c.awaitExit();
        assertThat(code).as("JVM status for SIGINT (128 + 2)").isEqualTo(130);
        assertInterruptedOutputs(out, c);
    }
}
