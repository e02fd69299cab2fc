package io.ringsift.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.BloomFilter;
import io.ringsift.key.KeyHash;
import io.ringsift.testing.RandomText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FilterRoundTripPropertyTest {
    private static Path dir;

    @BeforeAll
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("ringsift-filter-props");
    }

    @AfterAll
    static void removeDir() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    static LongStream seeds() {
        return LongStream.range(0, 60);
    }

    /** 60 random key sets (up to 300 keys of any text), sizes 1..5000, fpp 10^-0.5..10^-4, any creation time. */
    @ParameterizedTest
    @MethodSource("seeds")
    void anyKeySetSurvivesTheFile(long seed) throws IOException {
        Random r = new Random(seed);
        Set<String> keys = new LinkedHashSet<>();
        int n = seed == 0 ? 0 : r.nextInt(301);
        while (keys.size() < n) {
            keys.add(RandomText.of(r, 10));
        }
        long expectedKeys = seed == 1 ? 1 : 1 + r.nextInt(5_000);
        double fppDecades = 0.5 + r.nextInt(3_500_001) / 1e6;
        long createdSecond = seed == 2 ? 0 : Math.floorMod(r.nextLong(), 4_000_000_000_001L);
        FilterParams params = new FilterParams(expectedKeys, Math.pow(10, -fppDecades));
        BloomFilter<KeyHash> filter = TestFilters.filterOf(params, keys.stream().toList());
        FilterHeader header = TestFilters.header("key", params, filter, keys.size(), 0)
                .withCounts(keys.size(), 0, Instant.ofEpochSecond(createdSecond % 253_402_300_799L, createdSecond % 1_000));
        Path file = dir.resolve("p.bf");

        FilterFile.write(file, header, filter);
        LoadedFilter loaded = FilterFile.read(file);

        assertThat(loaded.header()).isEqualTo(header);
        assertThat(loaded.toGuavaFilter()).isEqualTo(filter);
        assertThat(keys).allMatch(k -> loaded.mightContain(TestFilters.key(k)));
    }
}
