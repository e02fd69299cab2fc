package io.ringsift.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class Utf8Test {
    private static boolean jdkSaysValid(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Provide
    Arbitrary<byte[]> utf8ish() {
        // mostly lead and continuation bytes around the edge cases, so invalid sequences are common
        Arbitrary<Byte> interesting = Arbitraries.of((byte) 0x41, (byte) 0x7F, (byte) 0x80, (byte) 0xBF, (byte) 0xC0,
                (byte) 0xC1, (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xED, (byte) 0xEF, (byte) 0xF0, (byte) 0xF4,
                (byte) 0xF5, (byte) 0xFF, (byte) 0x9F, (byte) 0xA0, (byte) 0x90, (byte) 0x8F);
        return Arbitraries.oneOf(interesting, Arbitraries.bytes()).array(byte[].class).ofMaxSize(12);
    }

    @Property(tries = 5000)
    void agreesWithTheJdkDecoder(@ForAll("utf8ish") byte[] b) {
        assertThat(Utf8.isValid(b, 0, b.length)).isEqualTo(jdkSaysValid(b));
    }

    @Property(tries = 500)
    void everyEncodedStringIsValid(@ForAll String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        // unpaired surrogates in s are encoded as '?' by getBytes, so the bytes are always valid
        assertThat(Utf8.isValid(b, 0, b.length)).isTrue();
    }

    @Test
    void edgeCases() {
        assertThat(Utf8.isValid(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0, 3)).isFalse(); // surrogate
        assertThat(Utf8.isValid(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, 0, 4)).isFalse(); // > U+10FFFF
        assertThat(Utf8.isValid(new byte[] {(byte) 0xC0, (byte) 0x80}, 0, 2)).isFalse(); // overlong NUL
        assertThat(Utf8.isValid("é字😀".getBytes(StandardCharsets.UTF_8), 0, 9)).isTrue();
    }
}
