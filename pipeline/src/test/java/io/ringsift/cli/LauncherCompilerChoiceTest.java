package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/ringsift leaves C2 out only for small plain-file inputs. The launcher runs with a stand-in
 * {@code java} first on the PATH that prints the options it was given, so no JVM starts.
 */
class LauncherCompilerChoiceTest {
    private static final String C1_ONLY = "-XX:TieredStopAtLevel=1";

    @TempDir
    Path dir;
    private Path small;
    private Path big;

    @BeforeEach
    void files() throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path java = bin.resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"$@\"\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        small = dir.resolve("small.csv");
        Files.writeString(small, "key,v\na,1\n");
        big = dir.resolve("big.csv");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(32L << 20);   // sparse: 32 MiB, the first size that is not small
        }
    }

    private String launch(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", Path.of("..", "bin", "ringsift").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().put("PATH", dir.resolve("bin") + ":" + System.getenv("PATH"));
        pb.environment().put("RINGSIFT_JAR", small.toString());   // any existing file: the stand-in java never opens it
        pb.environment().put("RINGSIFT_CDS", "0");
        pb.environment().remove("RINGSIFT_JIT");
        pb.environment().putAll(env);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void smallPlainFilesRunWithC1Only() throws Exception {
        assertThat(launch(Map.of(), "ingest", "csv", small.toString(), "--key", "key", "--out", dir.toString())).contains(C1_ONLY);
        assertThat(launch(Map.of(), "check", small.toString(), "--filter", small.toString())).contains(C1_ONLY);
        assertThat(launch(Map.of(), "ingest", "jsonl", small.toString(), "--key", "k")).contains(C1_ONLY);
    }

    @Test
    void marksTheHeapLateAndLetsJavaOptsHaveTheLastWord() throws Exception {
        String out = launch(Map.of("JAVA_OPTS", "-XX:InitiatingHeapOccupancyPercent=45"), "ingest", "csv", big.toString(), "--key", "key");
        assertThat(out).contains("-XX:InitiatingHeapOccupancyPercent=80").contains("-XX:InitialRAMPercentage=4");
        assertThat(out.indexOf("-XX:InitiatingHeapOccupancyPercent=45")).isGreaterThan(out.indexOf("-XX:InitiatingHeapOccupancyPercent=80"));
    }

    @Test
    void anythingBigOrOfUnknownSizeKeepsBothCompilers() throws Exception {
        assertThat(launch(Map.of(), "ingest", "csv", big.toString(), "--key", "key")).doesNotContain(C1_ONLY);
        assertThat(launch(Map.of(), "ingest", "csv", small.toString(), big.toString(), "--key", "key")).doesNotContain(C1_ONLY);
        assertThat(launch(Map.of(), "ingest", "csv", "-", "--key", "key")).doesNotContain(C1_ONLY);
        assertThat(launch(Map.of(), "ingest", "csv", dir.toString(), "--key", "key")).doesNotContain(C1_ONLY);
        Path fifo = dir.resolve("pipe.csv");   // as <(zcat big.csv.gz) would give
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        assertThat(launch(Map.of(), "ingest", "csv", small.toString(), fifo.toString(), "--key", "key")).doesNotContain(C1_ONLY);
        Path gz = Files.writeString(dir.resolve("a.csv.gz"), "x");
        assertThat(launch(Map.of(), "ingest", "csv", gz.toString(), "--key", "key")).doesNotContain(C1_ONLY);
        assertThat(launch(Map.of(), "ingest", "mongo", "--uri", "mongodb://h", "--key", "k")).doesNotContain(C1_ONLY);
        assertThat(launch(Map.of(), "--version")).doesNotContain(C1_ONLY);
    }

    @Test
    void theOutputDirectoryIsNotInputAndTheEnvironmentDecidesFirst() throws Exception {
        assertThat(launch(Map.of(), "ingest", "csv", small.toString(), "--out", dir.toString())).contains(C1_ONLY);
        assertThat(launch(Map.of("RINGSIFT_JIT", "tiered"), "ingest", "csv", small.toString())).doesNotContain(C1_ONLY);
        assertThat(launch(Map.of("RINGSIFT_JIT", "c1"), "ingest", "csv", big.toString())).contains(C1_ONLY);
    }
}
