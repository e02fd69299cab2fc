package io.ringsift.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.hash.BloomFilter;
import io.ringsift.key.KeyHash;
import io.ringsift.key.KeyHashFunnel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** KeyBloom is Guava's BloomFilter&lt;KeyHash&gt;, bit for bit and byte for byte, without its thread-safety costs. */
class KeyBloomTest {

    static LongStream seeds() {
        return LongStream.range(0, 30);
    }

    /** 30 filter sizes: the smallest, the largest, and log-uniform between 1 and 200 000 expected keys. */
    @ParameterizedTest
    @MethodSource("seeds")
    void sameAnswersBitsAndBytesAsGuava(long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        long expected = seed == 0 ? 1 : seed == 1 ? 200_000 : Math.max(1, Math.round(Math.pow(200_000, r.nextDouble())));
        FilterParams params = new FilterParams(expected, 0.01);
        KeyBloom mine = new KeyBloom(params);
        BloomFilter<KeyHash> guava = BloomFilter.create(KeyHashFunnel.INSTANCE, expected, 0.01);
        KeyHash h = new KeyHash();
        for (int i = 0; i < 3000; i++) {
            long lo = r.nextLong();
            long hi = r.nextLong();
            assertThat(mine.put(lo, hi)).isEqualTo(guava.put(h.set(lo, hi)));
        }
        for (int i = 0; i < 3000; i++) {
            long lo = r.nextLong();
            long hi = r.nextLong();
            assertThat(mine.mightContain(lo, hi)).isEqualTo(guava.mightContain(h.set(lo, hi)));
        }
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        mine.writeTo(a);
        guava.writeTo(b);
        assertThat(a.toByteArray()).isEqualTo(b.toByteArray());
        assertThat(mine.toGuava()).isEqualTo(guava);
        KeyBloom back = KeyBloom.readFrom(new DataInputStream(new ByteArrayInputStream(a.toByteArray())));
        assertThat(back.toGuava()).isEqualTo(guava);
    }

    @Test
    void putAllIsTheUnionAndRefusesAnotherShape() {
        KeyBloom a = new KeyBloom(new FilterParams(10_000, 0.01));
        KeyBloom b = new KeyBloom(new FilterParams(10_000, 0.01));
        a.put(1, 2);
        b.put(3, 4);
        a.putAll(b);
        assertThat(a.mightContain(1, 2)).isTrue();
        assertThat(a.mightContain(3, 4)).isTrue();
        assertThatThrownBy(() -> a.putAll(new KeyBloom(new FilterParams(20_000, 0.01))))
                .hasMessageContaining("cannot be merged");
    }
}
