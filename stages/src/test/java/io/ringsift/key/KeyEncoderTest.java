package io.ringsift.key;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.google.common.hash.Hashing;
import io.ringsift.testing.RandomText;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class KeyEncoderTest {

    private static byte[] encode(List<String> parts) {
        KeyEncoder e = new KeyEncoder().reset();
        parts.forEach(e::addString);
        return e.toBytes();
    }

    private static KeyHash hash(List<String> parts) {
        KeyEncoder e = new KeyEncoder().reset();
        parts.forEach(e::addString);
        return e.hash(new KeyHash());
    }

    @Test
    void partBoundariesCannotBeConfused() {
        assertThat(encode(List.of("a,b", "c"))).isNotEqualTo(encode(List.of("a", "b,c")));
        assertThat(encode(List.of("a|b", "c"))).isNotEqualTo(encode(List.of("a", "b|c")));
        assertThat(encode(List.of("", "ab"))).isNotEqualTo(encode(List.of("a", "b")));
        assertThat(encode(List.of(""))).isNotEqualTo(encode(List.of()));
    }

    @Test
    void layoutIsTagThenLeb128LengthThenUtf8() {
        assertThat(encode(List.of("é"))).containsExactly(0x02, 2, 0xC3, 0xA9);
        byte[] long300 = encode(List.of("x".repeat(300)));
        // 300 = 0b1_0010_1100 -> 0xAC 0x02
        assertThat(long300[0]).isEqualTo((byte) 0x02);
        assertThat(long300[1]).isEqualTo((byte) 0xAC);
        assertThat(long300[2]).isEqualTo((byte) 0x02);
        assertThat(long300).hasSize(303);
    }

    @Test
    void hashIsGuavaMurmur3Of128BitsOverTheCanonicalBytes() {
        byte[] bytes = encode(List.of("A-1001"));
        var expected = Hashing.murmur3_128().hashBytes(bytes);
        KeyHash h = hash(List.of("A-1001"));
        assertThat(h.lo).isEqualTo(expected.asLong());
        byte[] all = expected.asBytes();
        long hi = 0;
        for (int i = 15; i >= 8; i--) {
            hi = (hi << 8) | (all[i] & 0xFF);
        }
        assertThat(h.hi).isEqualTo(hi);
    }

    @Test
    void keysCompareExactly() {
        assertThat(hash(List.of("abc")).lo).isNotEqualTo(hash(List.of("ABC")).lo);
        assertThat(hash(List.of("abc")).lo).isNotEqualTo(hash(List.of("abc ")).lo);
        // NFC "é" and NFD "e + combining acute" are different keys: no Unicode normalisation
        assertThat(hash(List.of("\u00e9")).lo).isNotEqualTo(hash(List.of("e\u0301")).lo);
    }

    private static void assertInjective(List<String> a, List<String> b) {
        assertThat(Arrays.equals(encode(a), encode(b))).as("%s vs %s", a, b).isEqualTo(a.equals(b));
    }

    private static void assertAsciiFastPathMatchesTheGeneralPath(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        byte[] viaBytes = new KeyEncoder().reset().addBytes(KeyEncoder.TAG_STRING, utf8, 0, utf8.length).toBytes();
        assertThat(encode(List.of(s))).isEqualTo(viaBytes);
    }

    /**
     * Two keys from one input, as {@code KeyEncoderTestInputs/} holds them: the keys are the input's
     * first two lines (UTF-8, bad bytes become U+FFFD), the parts of a key are separated by tabs, and an
     * empty line is the key with no parts. Confusable pairs are what the corpus seeds.
     */
    @FuzzTest
    void encodingIsInjective(byte[] input) {
        String[] lines = new String(input, StandardCharsets.UTF_8).split("\n", -1);
        assertInjective(parts(lines[0]), parts(lines.length > 1 ? lines[1] : ""));
        assertInjective(parts(lines[0]), parts(lines[0]));
    }

    private static List<String> parts(String line) {
        return line.isEmpty() ? List.of() : List.of(line.split("\t", -1));
    }

    @FuzzTest
    void asciiFastPathMatchesTheGeneralPath(byte[] input) {
        assertAsciiFastPathMatchesTheGeneralPath(new String(input, StandardCharsets.UTF_8));
    }

    static LongStream seeds() {
        return LongStream.range(0, 100);
    }

    /** 500 pairs of random keys of up to 4 parts; every fifth pair is one key twice, so both sides of the iff run. */
    @ParameterizedTest
    @MethodSource("seeds")
    void encodingIsInjectiveOnRandomKeys(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 5; i++) {
            List<String> a = randomKey(r);
            assertInjective(a, i == 0 ? new ArrayList<>(a) : randomKey(r));
        }
    }

    /** Any Java string, unpaired surrogates included (the general path writes those as '?', as getBytes does). */
    @ParameterizedTest
    @MethodSource("seeds")
    void asciiFastPathMatchesTheGeneralPathOnRandomStrings(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 2; i++) {
            assertAsciiFastPathMatchesTheGeneralPath(RandomText.of(r, 12));
        }
    }

    private static List<String> randomKey(Random r) {
        List<String> parts = new ArrayList<>();
        int n = r.nextInt(5);
        for (int i = 0; i < n; i++) {
            parts.add(RandomText.of(r, 4));
        }
        return parts;
    }

    @Test
    void partitionIsStableAndInRange() {
        for (int p = 1; p <= 7; p++) {
            for (long hi : new long[] {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 123456789L}) {
                assertThat(KeyHash.partition(hi, p)).isBetween(0, p - 1);
            }
        }
    }
}
