package io.ringsift.key;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.Hashing;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

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

    @Property(tries = 500)
    void encodingIsInjective(@ForAll @Size(max = 4) List<String> a, @ForAll @Size(max = 4) List<String> b) {
        assertThat(java.util.Arrays.equals(encode(a), encode(b))).isEqualTo(a.equals(b));
    }

    @Property(tries = 200)
    void asciiFastPathMatchesTheGeneralPath(@ForAll String s) {
        byte[] utf8 = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        byte[] viaBytes = new KeyEncoder().reset().addBytes(KeyEncoder.TAG_STRING, utf8, 0, utf8.length).toBytes();
        assertThat(encode(List.of(s))).isEqualTo(viaBytes);
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
