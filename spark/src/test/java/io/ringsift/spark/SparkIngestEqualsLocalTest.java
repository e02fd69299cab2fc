package io.ringsift.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringsift.cli.Main;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The first promise: {@code SparkMain ingest csv} on the same files gives what the local
 * {@code ingest csv} gives (records, rejects with their lines, duplicates, distinct, fields,
 * filter bits), whatever the number of reduce partitions. Both runs get the same
 * {@code --expected-keys}, so the filter has one stage and its bits do not depend on the handler
 * or partition count.
 */
class SparkIngestEqualsLocalTest {
    @TempDir
    static Path dir;
    static List<String> files = new ArrayList<>();
    static Path local;

    @BeforeAll
    static void localRun() throws IOException {
        files.add(TestCsv.write(dir, "a.csv", 1, 3000, 2500).toString());
        files.add(TestCsv.write(dir, "b.csv", 2, 2000, 2500).toString());
        files.add(TestCsv.write(dir, "c.csv", 3, 10, 2500).toString());
        local = dir.resolve("local");
        List<String> args = new ArrayList<>(List.of("ingest", "csv", "--key", "id", "--out", local.toString(), "--expected-keys", "4000",
                "--readers", "2", "--handlers", "2", "--split-size", "20000", "-q"));
        args.addAll(files);
        assertThat(Main.run(args.toArray(String[]::new))).isZero();
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 3, 16})
    void sameAsLocal(int partitions) throws IOException {
        Path out = dir.resolve("spark-" + partitions);
        List<String> args = new ArrayList<>(List.of("ingest", "csv", "--key", "id", "--out", out.toString(), "--expected-keys", "4000",
                "--partitions", Integer.toString(partitions), "--chunk-size", "10000", "-q"));
        args.addAll(files);
        assertThat(SparkMain.run(LocalSpark.context(), args.toArray(String[]::new))).isZero();

        Outputs.assertSame(out, local);
        JsonNode report = Outputs.report(out);
        assertThat(report.get("rejected").asLong()).isPositive();
        assertThat(report.get("duplicateRecords").asLong()).isPositive();
        assertThat(report.get("spark").get("partitions").asInt()).isEqualTo(partitions);
        assertThat(report.get("spark").get("applicationId").asText()).isNotEmpty();
        // 16 bytes a record at least: every accepted record's key hash crosses the shuffle
        assertThat(report.get("spark").get("shuffleBytes").asLong()).isGreaterThanOrEqualTo(16 * report.get("records").asLong());
        assertThat(report.get("timing").get("readers").asInt()).as("map tasks (chunks)").isGreaterThan(3);
        assertThat(out.resolve("rejects")).isDirectoryContaining(p -> p.getFileName().toString().startsWith("part-"));

        // interchangeable: the local tools read the cluster's filter and merge it with a local one
        assertThat(Main.run("info", out.resolve("filter.bf").toString())).isZero();
        assertThat(Main.run("merge", out.resolve("filter.bf").toString(), local.resolve("filter.bf").toString(), "-o",
                dir.resolve("merged-" + partitions + ".bf").toString())).isZero();
    }
}
