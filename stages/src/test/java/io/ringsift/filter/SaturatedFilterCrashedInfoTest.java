package io.ringsift.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.BloomFilter;
import io.ringsift.key.KeyHash;
import io.ringsift.key.KeyHashFunnel;
import org.junit.jupiter.api.Test;

/**
 * Regression: a filter sized far too small (every bit set) made Guava's approximateElementCount
 * throw "input is infinite or NaN", which crashed the ingest report and {@code info}.
 */
class SaturatedFilterCrashedInfoTest {
    @Test
    void saturatedFilterReportsFullFillInsteadOfThrowing() {
        BloomFilter<KeyHash> f = BloomFilter.create(KeyHashFunnel.INSTANCE, 10, 0.01);
        KeyHash h = new KeyHash();
        for (long i = 0; i < 100_000; i++) {
            f.put(h.set(i * 0x9E3779B97F4A7C15L, i));
        }
        FilterInfo info = FilterInfo.of(f, 7);
        assertThat(info.fillRatio()).isEqualTo(1.0);
        assertThat(info.estimatedFpp()).isEqualTo(1.0);
        assertThat(info.approximateElementCount()).isEqualTo(FilterInfo.SATURATED);
    }
}
