package io.ringsift.key;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The hand-written murmur3 must be Guava's murmur3_128, bit for bit: filters and keys depend on it. */
class Murmur3Test {
    private static long secondHalf(HashCode hc) {
        return ByteBuffer.wrap(hc.asBytes()).order(ByteOrder.LITTLE_ENDIAN).getLong(8);
    }

    @Property(tries = 2000)
    void equalsGuavaOnAnySlice(@ForAll @Size(max = 80) byte[] bytes, @ForAll @IntRange(max = 5) int cut) {
        int off = Math.min(cut, bytes.length);
        int len = bytes.length - off;
        HashCode guava = Hashing.murmur3_128().hashBytes(bytes, off, len);
        Murmur3 m = new Murmur3().hash(bytes, off, len);
        assertThat(m.h1).isEqualTo(guava.asLong());
        assertThat(m.h2).isEqualTo(secondHalf(guava));
    }

    @Property(tries = 2000)
    void twoLongsEqualsGuavaOverTheSixteenFunnelledBytes(@ForAll long lo, @ForAll long hi) {
        HashCode guava = Hashing.murmur3_128().newHasher().putLong(lo).putLong(hi).hash();
        long[] out = new long[2];
        Murmur3.twoLongs(lo, hi, out);
        assertThat(out[0]).isEqualTo(guava.asLong());
        assertThat(out[1]).isEqualTo(secondHalf(guava));
    }
}
