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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --checkpoint} / {@code --resume}: a run killed with SIGKILL part-way and resumed ends with
 * the same filter, counts, rejects and fields as an uninterrupted run.
 */
@Timeout(180)
class CheckpointResumeTest {
    @TempDir
    Path dir;

    private List<Path> inputs(int files) throws IOException {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < files; i++) {
            Path f = dir.resolve("part-" + i + ".csv");
            // the same seed in every file: keys repeat across files, so resumed duplicate counts must see earlier files
            SyntheticData.write(GeneratorFormat.CSV, new GeneratorSpec(40_000, 0.2, 5, i % 3), f);
            Files.writeString(f, "bad,row\n", StandardOpenOption.APPEND);
            out.add(f);
        }
        return out;
    }

    private static List<Object> args(Path out, Path checkpoint, List<Path> files, boolean resume) {
        List<Object> a = new ArrayList<>(List.of("ingest", "csv", "--key", "key", "--out", out, "--readers", 1, "--handlers", 2,
                "--fpp", "1e-7", "--expected-keys", 200_000, "--checkpoint", checkpoint, "--quiet"));
        if (resume) {
            a.add("--resume");
        }
        a.addAll(files);
        return a;
    }

    @Test
    void killedAndResumedRunEqualsAnUninterruptedOne() throws Exception {
        List<Path> files = inputs(16);
        Path checkpoint = dir.resolve("cp");
        Path out = dir.resolve("out");

        // a child JVM, killed with SIGKILL once a few epochs are journaled
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.ringsift.cli.Main"));
        args(out, checkpoint, files, false).forEach(x -> cmd.add(String.valueOf(x)));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        Path journal = checkpoint.resolve("journal.json");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        int epoch = 0;
        while (child.isAlive() && epoch < 3 && System.nanoTime() < deadline) {
            Thread.sleep(20);
            if (Files.exists(journal)) {
                try {
                    epoch = new ObjectMapper().readTree(journal.toFile()).get("epoch").asInt();
                } catch (IOException partial) {
                    // renamed into place atomically, so this is only a race with the first creation
                }
            }
        }
        assertThat(child.isAlive()).as("the child finished before it could be killed; make the input bigger").isTrue();
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(out.resolve("filter.bf")).doesNotExist();
        JsonNode killed = new ObjectMapper().readTree(journal.toFile());
        assertThat(killed.get("complete").asBoolean()).isFalse();
        assertThat(killed.get("results").size()).isBetween(3, 15);

        Cli.Run resumed = Cli.run(args(out, checkpoint, files, true).toArray());
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();

        Path clean = dir.resolve("clean");
        Cli.Run uninterrupted = Cli.run(args(clean, dir.resolve("cp2"), files, false).toArray());
        assertThat(uninterrupted.exitCode()).as(uninterrupted.err()).isZero();

        JsonNode a = Cli.report(out);
        JsonNode b = Cli.report(clean);
        for (String field : List.of("complete", "records", "rejected", "duplicateRecords", "distinctKeysEstimate", "sources", "fields")) {
            assertThat(a.get(field)).as(field).isEqualTo(b.get(field));
        }
        assertThat(a.get("records").asLong()).isEqualTo(16 * 40_000);
        assertThat(a.get("rejected").asLong()).isEqualTo(16);
        assertThat(FilterFile.read(out.resolve("filter.bf")).toGuavaFilter()).isEqualTo(FilterFile.read(clean.resolve("filter.bf")).toGuavaFilter());
        // each bad row rejected exactly once, even those of files half-read when the child was killed
        List<String> rejects = Files.readAllLines(out.resolve("rejects.csv"));
        assertThat(rejects).hasSize(17);
        assertThat(new HashSet<>(rejects)).hasSize(17);
        assertThat(new ObjectMapper().readTree(journal.toFile()).get("complete").asBoolean()).isTrue();
    }

    @Test
    void resumeRefusesDifferentInputsAndAFreshRunRefusesAnUnfinishedCheckpoint() throws Exception {
        List<Path> files = inputs(2);
        Path checkpoint = dir.resolve("cp");
        Files.createDirectories(checkpoint);
        Files.writeString(checkpoint.resolve("journal.json"),
                "{\"version\":1,\"fingerprint\":\"something else\",\"handlers\":2,\"complete\":false,\"epoch\":0,"
                        + "\"results\":[],\"rejectsLength\":0,\"rejects\":0,\"elapsedNanos\":0}");
        Cli.Run fresh = Cli.run(args(dir.resolve("o"), checkpoint, files, false).toArray());
        assertThat(fresh.exitCode()).isEqualTo(3);
        assertThat(fresh.err()).contains("holds an unfinished run: add --resume");
        Cli.Run resume = Cli.run(args(dir.resolve("o"), checkpoint, files, true).toArray());
        assertThat(resume.exitCode()).isEqualTo(3);
        assertThat(resume.err()).contains("the inputs or options differ");
        Cli.Run nothing = Cli.run(args(dir.resolve("o"), dir.resolve("none"), files, true).toArray());
        assertThat(nothing.exitCode()).isEqualTo(3);
        assertThat(nothing.err()).contains("nothing to resume");
    }
}
