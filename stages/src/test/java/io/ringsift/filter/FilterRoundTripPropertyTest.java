package io.ringsift.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.BloomFilter;
import io.ringsift.key.KeyHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

class FilterRoundTripPropertyTest {
    private static Path dir;

    @BeforeContainer
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("ringsift-filter-props");
    }

    @AfterContainer
    static void removeDir() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    @Property(tries = 60)
    void anyKeySetSurvivesTheFile(@ForAll @Size(max = 300) Set<String> keys,
                                  @ForAll @LongRange(min = 1, max = 5_000) long expectedKeys,
                                  @ForAll @DoubleRange(min = 0.5, max = 4) @Scale(6) double fppDecades,
                                  @ForAll @LongRange(min = 0, max = 4_000_000_000_000L) long createdSecond)
            throws IOException {
        FilterParams params = new FilterParams(expectedKeys, Math.pow(10, -fppDecades));
        BloomFilter<KeyHash> filter = TestFilters.filterOf(params, keys.stream().toList());
        FilterHeader header = TestFilters.header("key", params, filter, keys.size(), 0)
                .withCounts(keys.size(), 0, Instant.ofEpochSecond(createdSecond % 253_402_300_799L, createdSecond % 1_000));
        Path file = dir.resolve("p.bf");

        FilterFile.write(file, header, filter);
        LoadedFilter loaded = FilterFile.read(file);

        assertThat(loaded.header()).isEqualTo(header);
        assertThat(loaded.filter()).isEqualTo(filter);
        assertThat(keys).allMatch(k -> loaded.mightContain(TestFilters.key(k)));
    }
}
