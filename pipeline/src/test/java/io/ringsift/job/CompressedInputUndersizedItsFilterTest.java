package io.ringsift.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.airlift.compress.zstd.ZstdOutputStream;
import io.ringsift.key.KeySpec;
import io.ringsift.source.csv.CsvDialect;
import io.ringsift.source.csv.CsvParser;
import io.ringsift.source.csv.CsvPlanner;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Regression: a compressed file's key estimate (which sizes the filter) took the stored bytes read
 * for the first decoded megabyte at face value; the decoders read ahead (zstd by about a
 * megabyte), so a zstd file of 1M rows was sized for a third of its keys and its Bloom duplicate
 * count was 25% too high. The estimate must be within 10% of the plain file's.
 */
class CompressedInputUndersizedItsFilterTest {
    @TempDir
    static Path dir;
    static Path plain;

    @BeforeAll
    static void generate() throws Exception {
        plain = dir.resolve("data.csv");
        io.ringsift.testing.Cli.Run g = io.ringsift.testing.Cli.run("generate", "csv", "--rows", 250_000, "--dup-rate", 0.2,
                "--columns", 6, "--seed", 4, "-o", plain);
        assertThat(g.exitCode()).as(g.err()).isZero();
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(dir.resolve("data.csv.gz")))) {
            Files.copy(plain, o);
        }
        try (OutputStream o = new ZstdOutputStream(Files.newOutputStream(dir.resolve("data.csv.zst")))) {
            Files.copy(plain, o);
        }
    }

    private static long estimate(Path p) throws Exception {
        CsvDialect d = CsvDialect.rfc4180();
        return new CsvInput(new CsvPlanner(d, KeySpec.wholeRecord(), 1, CsvPlanner.DEFAULT_SPLIT_BYTES).plan(List.of(p)), d,
                CsvParser.FAST, false).estimatedKeys();
    }

    @ParameterizedTest
    @ValueSource(strings = {"data.csv.gz", "data.csv.zst"})
    void estimateIsThePlainFilesWithinTenPercent(String name) throws Exception {
        long expected = estimate(plain);
        assertThat(expected).isBetween(225_000L, 275_000L);
        assertThat(estimate(dir.resolve(name))).isBetween(Math.round(expected * 0.9), Math.round(expected * 1.1));
    }
}
