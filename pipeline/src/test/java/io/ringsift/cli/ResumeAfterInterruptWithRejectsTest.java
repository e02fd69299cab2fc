package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringsift.filter.FilterFile;
import io.ringsift.generate.GeneratorFormat;
import io.ringsift.generate.GeneratorSpec;
import io.ringsift.generate.SyntheticData;
import io.ringsift.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 11, defect 1): a checkpointed run with rejects that was stopped by SIGTERM, or
 * killed late (after its last epoch, during the reduce, the filter write or the {@code --exact}
 * pass), could not be resumed: the stop had renamed the rejects temp file to rejects.csv, the
 * resume deleted rejects.csv and then failed because the temp file was gone, and a fresh run was
 * refused because the checkpoint held an unfinished run. The rejects now live in the checkpoint
 * directory until the journal is marked complete, and that happens only after every output.
 */
@Timeout(240)
class ResumeAfterInterruptWithRejectsTest {
    @TempDir
    Path dir;

    private List<Path> inputs(int files, int rows) throws IOException {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            Path f = dir.resolve("part-" + i + ".csv");
            SyntheticData.write(GeneratorFormat.CSV, new GeneratorSpec(rows, 0.2, 5, i % 3), f);
            Files.writeString(f, "bad,row\n", StandardOpenOption.APPEND);
            out.add(f);
        }
        return out;
    }

    private static List<String> args(Path out, Path checkpoint, List<Path> files, boolean resume, String... extra) {
        List<String> a = new ArrayList<>(List.of("ingest", "csv", "--key", "key", "--out", out.toString(), "--readers", "1",
                "--handlers", "2", "--fpp", "1e-7", "--expected-keys", "200000", "--checkpoint", checkpoint.toString(), "--quiet"));
        a.addAll(List.of(extra));
        if (resume) {
            a.add("--resume");
        }
        files.forEach(f -> a.add(f.toString()));
        return a;
    }

    private Process child(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
    }

    /** Polls the journal until {@code when} holds (or the child ends); returns whether the child is still running. */
    private static boolean awaitJournal(Process child, Path journal, Predicate<JsonNode> when) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (child.isAlive() && System.nanoTime() < deadline) {
            if (Files.exists(journal)) {
                try {
                    if (when.test(new ObjectMapper().readTree(journal.toFile()))) {
                        return child.isAlive();
                    }
                } catch (IOException racingTheFirstRename) {
                    // the journal is renamed into place, so only its first creation can race
                }
            }
            Thread.sleep(5);
        }
        return false;
    }

    private void assertResumedEqualsUninterrupted(List<Path> files, Path out, Path checkpoint, int rows, String... extra)
            throws IOException {
        Cli.Run resumed = Cli.run(args(out, checkpoint, files, true, extra).toArray());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        Path clean = dir.resolve("clean");
        Cli.Run uninterrupted = Cli.run(args(clean, dir.resolve("cp-clean"), files, false, extra).toArray());
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();
        JsonNode a = Cli.report(out);
        JsonNode b = Cli.report(clean);
        for (String field : List.of("complete", "records", "rejected", "duplicateRecords", "distinctKeysEstimate", "sources", "fields",
                "exact")) {
            assertThat(a.get(field)).as(field).isEqualTo(b.get(field));
        }
        assertThat(a.get("records").asLong()).isEqualTo((long) files.size() * rows);
        assertThat(a.get("rejected").asLong()).isEqualTo(files.size());
        assertThat(FilterFile.read(out.resolve("filter.bf")).toGuavaFilter()).isEqualTo(FilterFile.read(clean.resolve("filter.bf")).toGuavaFilter());
        List<String> rejects = Files.readAllLines(out.resolve("rejects.csv"));
        assertThat(rejects).hasSize(files.size() + 1);
        assertThat(new HashSet<>(rejects)).isEqualTo(new HashSet<>(Files.readAllLines(clean.resolve("rejects.csv"))));
        assertThat(new ObjectMapper().readTree(checkpoint.resolve("journal.json").toFile()).get("complete").asBoolean()).isTrue();
        assertThat(checkpoint.resolve("rejects.work.csv")).as("removed once the run is complete").doesNotExist();
    }

    @Test
    void sigtermAfterSomeEpochsWithRejectsCanBeResumed() throws Exception {
        List<Path> files = inputs(12, 40_000);
        Path out = dir.resolve("out");
        Path checkpoint = dir.resolve("cp");
        Process child = child(args(out, checkpoint, files, false));
        boolean running = awaitJournal(child, checkpoint.resolve("journal.json"), j -> j.get("epoch").asInt() >= 2);
        assertThat(running).as("the child finished before it could be signalled; make the input bigger").isTrue();
        child.destroy();   // SIGTERM
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(143);
        JsonNode stopped = Cli.report(out);
        assertThat(stopped.get("complete").asBoolean()).isFalse();
        assertThat(stopped.get("stopReason").asText()).isEqualTo("interrupted");
        assertThat(out.resolve("rejects.csv")).as("the interrupted run shows its rejects").exists();
        assertThat(checkpoint.resolve("rejects.work.csv")).as("and the checkpoint keeps its own").exists();

        assertResumedEqualsUninterrupted(files, out, checkpoint, 40_000);
    }

    @Test
    void killNineDuringTheExactPassAfterTheLastEpochCanBeResumed() throws Exception {
        List<Path> files = inputs(6, 60_000);
        Path out = dir.resolve("out");
        Path checkpoint = dir.resolve("cp");
        Process child = child(args(out, checkpoint, files, false, "--exact"));
        // every unit journaled, journal not complete: the run is in its reduce, --exact pass or filter write
        boolean running = awaitJournal(child, checkpoint.resolve("journal.json"),
                j -> j.get("results").size() == files.size() && !j.get("complete").asBoolean());
        assertThat(running).as("the child finished before it could be killed late").isTrue();
        child.destroyForcibly();   // SIGKILL
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(new ObjectMapper().readTree(checkpoint.resolve("journal.json").toFile()).get("complete").asBoolean()).isFalse();

        assertResumedEqualsUninterrupted(files, out, checkpoint, 60_000, "--exact");
    }
}
