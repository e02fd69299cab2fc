package io.ringsift.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.BloomFilter;
import io.ringsift.key.KeyHash;
import io.ringsift.key.KeyHashFunnel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The filter read back from a file keeps the false-positive rate it was sized for. Key hashes are
 * random 128-bit values: the reader's murmur3 output is uniform, so this measures the filter, not
 * the key encoding. Seeded, so the measured figure is the same on every run.
 */
class FalsePositiveRateTest {
    private static final int KEYS = 100_000;
    private static final int PROBES = 1_000_000;
    private static final double FPP = 0.01;

    @TempDir
    Path dir;

    @Test
    void measuredFppOnAMillionAbsentKeysIsWithinOneAndAHalfTimesTheTarget() throws IOException {
        FilterParams params = new FilterParams(KEYS, FPP);
        BloomFilter<KeyHash> built = BloomFilter.create(KeyHashFunnel.INSTANCE, KEYS, FPP);
        SplittableRandom present = new SplittableRandom(42);
        KeyHash h = new KeyHash();
        for (int i = 0; i < KEYS; i++) {
            built.put(h.set(present.nextLong(), present.nextLong()));
        }
        Path file = dir.resolve("fpp.bf");
        FilterFile.write(file, TestFilters.header("key", params, built, KEYS, 0), built);
        LoadedFilter loaded = FilterFile.read(file);

        // a separate stream: its 128-bit values collide with the present ones with probability ~2^-94
        SplittableRandom absent = new SplittableRandom(4242);
        int falsePositives = 0;
        for (int i = 0; i < PROBES; i++) {
            if (loaded.mightContain(h.set(absent.nextLong(), absent.nextLong()))) {
                falsePositives++;
            }
        }
        double measured = (double) falsePositives / PROBES;

        assertThat(measured).isBetween(FPP / 1.5, FPP * 1.5);
        FilterInfo info = FilterInfo.of(loaded);
        assertThat(info.estimatedFpp()).isBetween(FPP / 1.5, FPP * 1.5);
        assertThat(info.approximateElementCount()).isBetween((long) (KEYS * 0.98), (long) (KEYS * 1.02));
        assertThat(info.fillRatio()).isBetween(0.45, 0.55); // an optimally sized filter is about half full
    }

    @Test
    void emptyFilterReportsNothingInIt() {
        BloomFilter<KeyHash> empty = BloomFilter.create(KeyHashFunnel.INSTANCE, 1_000, 0.01);
        FilterInfo info = FilterInfo.of(empty, 7);

        assertThat(info.approximateElementCount()).isZero();
        assertThat(info.estimatedFpp()).isZero();
        assertThat(info.fillRatio()).isZero();
        assertThat(FilterInfo.describe(TestFilters.header("key", new FilterParams(1_000, 0.01), empty, 0, 0), info))
                .contains("bits:              9600 (0.00 MiB)", "hash functions:    7", "fpp (current):     0.00000");
    }
}
