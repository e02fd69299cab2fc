package io.ringsift.key;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.common.hash.HashCode;
import com.google.common.hash.Hashing;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hand-written murmur3 must be Guava's murmur3_128, bit for bit: filters and keys depend on it.
 * Each slice check runs on 2000 seeded random arrays in every build, and as a Jazzer target on its
 * corpus ({@code Murmur3TestInputs/}; {@code bench/fuzz.sh} fuzzes it for real).
 */
class Murmur3Test {
    private static long secondHalf(HashCode hc) {
        return ByteBuffer.wrap(hc.asBytes()).order(ByteOrder.LITTLE_ENDIAN).getLong(8);
    }

    static LongStream seeds() {
        return LongStream.range(0, 100);
    }

    /** Every slice of {@code bytes} that starts in its first six bytes hashes as Guava hashes it. */
    private static void assertEqualsGuavaOnSlices(byte[] bytes) {
        for (int cut = 0; cut <= Math.min(5, bytes.length); cut++) {
            int len = bytes.length - cut;
            HashCode guava = Hashing.murmur3_128().hashBytes(bytes, cut, len);
            Murmur3 m = new Murmur3().hash(bytes, cut, len);
            assertThat(m.h1).as("cut %d", cut).isEqualTo(guava.asLong());
            assertThat(m.h2).as("cut %d", cut).isEqualTo(secondHalf(guava));
        }
    }

    @FuzzTest
    void equalsGuavaOnAnySlice(byte[] bytes) {
        assertEqualsGuavaOnSlices(bytes);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void equalsGuavaOnRandomSlices(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 20; i++) {
            byte[] bytes = new byte[r.nextInt(81)];   // 0..80: every tail length of the 16-byte blocks, several times
            r.nextBytes(bytes);
            assertEqualsGuavaOnSlices(bytes);
        }
    }

    /**
     * Values inside a longer buffer, as a reader's buffer holds them: the tail is read as whole
     * words and masked, so the bytes after the value must not change the hash.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void equalsGuavaInsideALongerBuffer(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 20; i++) {
            byte[] bytes = new byte[r.nextInt(81) + 40];
            r.nextBytes(bytes);
            for (int off = 0; off < 6; off++) {
                for (int len = 0; off + len + 16 <= bytes.length && len <= 48; len++) {
                    HashCode guava = Hashing.murmur3_128().hashBytes(bytes, off, len);
                    Murmur3 m = new Murmur3().hash(bytes, off, len);
                    assertThat(m.h1).as("off %d len %d", off, len).isEqualTo(guava.asLong());
                    assertThat(m.h2).as("off %d len %d", off, len).isEqualTo(secondHalf(guava));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void twoLongsEqualsGuavaOverTheSixteenFunnelledBytes(long seed) {
        Random r = new Random(seed);
        long[] edges = {0, -1, 1, Long.MIN_VALUE, Long.MAX_VALUE};
        for (int i = 0; i < 20; i++) {
            long lo = i < 5 ? edges[(int) ((seed + i) % 5)] : r.nextLong();
            long hi = i < 5 ? edges[i] : r.nextLong();
            HashCode guava = Hashing.murmur3_128().newHasher().putLong(lo).putLong(hi).hash();
            long[] out = new long[2];
            Murmur3.twoLongs(lo, hi, out);
            assertThat(out[0]).isEqualTo(guava.asLong());
            assertThat(out[1]).isEqualTo(secondHalf(guava));
        }
    }
}
