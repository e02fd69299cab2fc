package io.ringsift.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ringsift.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code SparkMain check} answers what the local {@code check} answers on the same files and the
 * same filter: new and probably-seen records with the bound on the truly seen, duplicates within
 * the input, rejects with their lines, field statistics, and the --new and --seen files byte for
 * byte; whatever the number of reduce partitions.
 */
class SparkCheckEqualsLocalTest {
    @TempDir
    static Path dir;
    static Path filter;
    static List<String> files = new ArrayList<>();
    static Path local;

    @BeforeAll
    static void localRuns() throws IOException {
        Path built = dir.resolve("built");
        assertThat(Main.run("ingest", "csv", "--key", "id", "--out", built.toString(), "--expected-keys", "4000", "-q",
                TestCsv.write(dir, "a.csv", 1, 3000, 2500).toString())).isZero();
        filter = built.resolve("filter.bf");
        // keys k0..k4999: about half of them are in the filter
        files.add(TestCsv.write(dir, "b.csv", 5, 2000, 5000).toString());
        files.add(TestCsv.write(dir, "c.csv", 6, 500, 5000).toString());
        local = dir.resolve("local");
        List<String> args = new ArrayList<>(List.of("check", "--filter", filter.toString(), "--out", local.toString(), "--readers", "2",
                "--handlers", "2", "--new", local.resolve("new.csv").toString(), "--seen", local.resolve("seen.csv").toString(), "-q"));
        args.addAll(files);
        assertThat(Main.run(args.toArray(String[]::new))).isZero();
    }

    private static int sparkCheck(Path out, int partitions, String... more) {
        List<String> args = new ArrayList<>(List.of("check", "--filter", filter.toString(), "--out", out.toString(), "--partitions",
                Integer.toString(partitions), "--chunk-size", "10000", "-q"));
        args.addAll(List.of(more));
        args.addAll(files);
        return SparkMain.run(LocalSpark.context(), args.toArray(String[]::new));
    }

    @ParameterizedTest(name = "{0} partitions")
    @ValueSource(ints = {1, 3})
    void sameAsLocal(int partitions) throws IOException {
        Path out = dir.resolve("spark-" + partitions);
        if (partitions > 1) {
            // and a map task that dies half-way through its output: its retry rewrites its --new/--seen parts whole
            LocalSpark.context().setLocalProperty(MapSide.FAIL_ONCE, "2");
        }
        try {
            assertThat(sparkCheck(out, partitions, "--new", out.resolve("new.csv").toString(), "--seen",
                    out.resolve("seen.csv").toString())).isZero();
        } finally {
            LocalSpark.context().setLocalProperty(MapSide.FAIL_ONCE, null);
        }

        JsonNode s = Outputs.report(out);
        JsonNode l = Outputs.report(local);
        assertThat(s.get("complete").asBoolean()).isTrue();
        for (String f : List.of("command", "records", "rejected", "duplicateRecords", "distinctKeysEstimate", "key", "sources", "filter")) {
            assertThat(s.get(f)).as(f).isEqualTo(l.get(f));
        }
        assertThat(s.get("check").get("newPath").asText()).isEqualTo(out.resolve("new.csv").toString());
        assertThat(s.get("check").get("seenPath").asText()).isEqualTo(out.resolve("seen.csv").toString());
        JsonNode sparkCheck = ((ObjectNode) s.get("check").deepCopy()).without(List.of("newPath", "seenPath"));
        JsonNode localCheck = ((ObjectNode) l.get("check").deepCopy()).without(List.of("newPath", "seenPath"));
        assertThat(sparkCheck).as("check block").isEqualTo(localCheck);
        // the rows themselves, byte for byte and in the same order: chunks in file and offset order, as local units
        assertThat(out.resolve("new.csv")).hasSameBinaryContentAs(local.resolve("new.csv"));
        assertThat(out.resolve("seen.csv")).hasSameBinaryContentAs(local.resolve("seen.csv"));
        assertThat(out.resolve(CheckParts.NEW_DIR)).as("parts removed").doesNotExist();
        assertThat(s.get("check").get("newRecords").asLong()).isPositive();
        assertThat(s.get("check").get("seenRecords").asLong()).isPositive();
        assertThat(s.get("counts").get("method")).isEqualTo(l.get("counts").get("method"));
        Outputs.assertSameFields(s.get("fields"), l.get("fields"));
        assertThat(Outputs.rejects(out)).isEqualTo(Outputs.rejects(local)).isNotEmpty();
        assertThat(s.get("spark").get("partitions").asInt()).isEqualTo(partitions);
        assertThat(out.resolve("filter.bf")).as("a check writes no filter").doesNotExist();
    }

    @Test
    void checkIntoTheIngestsOwnDirectoryKeepsItsFilter() throws IOException {
        byte[] before = Files.readAllBytes(filter);
        assertThat(sparkCheck(filter.getParent(), 2)).isZero();
        assertThat(Files.readAllBytes(filter)).isEqualTo(before);
        assertThat(Outputs.report(filter.getParent()).get("command").asText()).isEqualTo("check");
    }

    @Test
    void keyOtherThanTheFiltersIsAnInputError() {
        List<String> args = new ArrayList<>(List.of("check", "--filter", filter.toString(), "--key", "name", "--out",
                dir.resolve("wrong-key").toString(), "-q"));
        args.addAll(files);
        assertThat(SparkMain.run(LocalSpark.context(), args.toArray(String[]::new))).isEqualTo(3);
    }
}
