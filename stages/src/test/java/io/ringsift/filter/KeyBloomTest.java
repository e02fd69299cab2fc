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
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

/** KeyBloom is Guava's BloomFilter&lt;KeyHash&gt;, bit for bit and byte for byte, without its thread-safety costs. */
class KeyBloomTest {

    @Property(tries = 30)
    void sameAnswersBitsAndBytesAsGuava(@ForAll @LongRange(min = 1, max = 200_000) long expected, @ForAll long seed) throws IOException {
        FilterParams params = new FilterParams(expected, 0.01);
        KeyBloom mine = new KeyBloom(params);
        BloomFilter<KeyHash> guava = BloomFilter.create(KeyHashFunnel.INSTANCE, expected, 0.01);
        SplittableRandom r = new SplittableRandom(seed);
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
