package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringsift.generate.GeneratorFormat;
import io.ringsift.generate.GeneratorSpec;
import io.ringsift.generate.SyntheticData;
import io.ringsift.testing.Cli;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --exact}: duplicate counts equal a HashSet recount, whatever the handler count, even with a lossy filter. */
class ExactModeTest {
    @TempDir
    static Path data;
    static Path file;
    static long referenceDuplicates;

    @BeforeAll
    static void generate() throws IOException {
        file = data.resolve("g.csv");
        SyntheticData.write(GeneratorFormat.CSV, new GeneratorSpec(40_000, 0.25, 4, 11), file);
        Set<String> seen = new HashSet<>();
        long dups = 0;
        try (Reader r = Files.newBufferedReader(file); CSVParser p = CSVParser.parse(r, CSVFormat.RFC4180.builder().setHeader().get())) {
            for (CSVRecord rec : p) {
                if (!seen.add(rec.get("key"))) {
                    dups++;
                }
            }
        }
        referenceDuplicates = dups;
    }

    @ParameterizedTest(name = "handlers={0}")
    @ValueSource(ints = {1, 2, 4})
    void exactDuplicatesEqualAHashSetRecount(int handlers, @TempDir Path out) throws IOException {
        // a deliberately undersized, lossy filter: many false positives for the second pass to weed out
        Cli.Run r = Cli.run("ingest", "csv", "--key", "key", "--exact", "--fpp", "0.2", "--expected-keys", "5000",
                "--handlers", handlers, "--readers", 2, "--split-size", 100_000, "--out", out, "--quiet", file);
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode rep = Cli.report(out);
        JsonNode exact = rep.get("exact");
        assertThat(exact.get("duplicateRecords").asLong()).isEqualTo(referenceDuplicates);
        assertThat(exact.get("distinctKeys").asLong()).isEqualTo(40_000 - referenceDuplicates);
        // the headline figure is the exact one; the raw Bloom answers are kept only to measure the filter
        assertThat(rep.get("duplicateRecords").asLong()).isEqualTo(referenceDuplicates);
        assertThat(rep.get("counts").get("method").asText()).isEqualTo("exact");
        assertThat(exact.get("falsePositives").asLong()).isPositive()
                .isEqualTo(exact.get("bloomDuplicateRecords").asLong() - referenceDuplicates);
        assertThat(exact.get("measuredFpp").asDouble()).isGreaterThan(0).isLessThan(1);
    }
}
