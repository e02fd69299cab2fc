package io.ringsift.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.ringsift.testing.RandomText;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class Utf8Test {
    private static boolean jdkSaysValid(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** Mostly lead and continuation bytes around the edge cases, so invalid sequences are common. */
    private static final byte[] INTERESTING = {(byte) 0x41, (byte) 0x7F, (byte) 0x80, (byte) 0xBF, (byte) 0xC0,
        (byte) 0xC1, (byte) 0xC2, (byte) 0xDF, (byte) 0xE0, (byte) 0xED, (byte) 0xEF, (byte) 0xF0, (byte) 0xF4,
        (byte) 0xF5, (byte) 0xFF, (byte) 0x9F, (byte) 0xA0, (byte) 0x90, (byte) 0x8F};

    private static byte[] utf8ish(Random r) {
        byte[] b = new byte[r.nextInt(13)];
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextBoolean() ? INTERESTING[r.nextInt(INTERESTING.length)] : (byte) r.nextInt(256);
        }
        return b;
    }

    static LongStream seeds() {
        return LongStream.range(0, 100);
    }

    @FuzzTest
    void agreesWithTheJdkDecoder(byte[] b) {
        assertThat(Utf8.isValid(b, 0, b.length)).isEqualTo(jdkSaysValid(b));
    }

    /** 5000 random short arrays. */
    @ParameterizedTest
    @MethodSource("seeds")
    void agreesWithTheJdkDecoderOnRandomBytes(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 50; i++) {
            byte[] b = utf8ish(r);
            assertThat(Utf8.isValid(b, 0, b.length)).as("%s", HexFormat.of().formatHex(b)).isEqualTo(jdkSaysValid(b));
        }
    }

    /** 500 random strings of any UTF-16 units and code points. */
    @ParameterizedTest
    @MethodSource("seeds")
    void everyEncodedStringIsValid(long seed) {
        Random r = new Random(seed);
        for (int i = 0; i < 5; i++) {
            String s = RandomText.of(r, 16);
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            // unpaired surrogates in s are encoded as '?' by getBytes, so the bytes are always valid
            assertThat(Utf8.isValid(b, 0, b.length)).isTrue();
        }
    }

    @Test
    void edgeCases() {
        assertThat(Utf8.isValid(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0, 3)).isFalse(); // surrogate
        assertThat(Utf8.isValid(new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, 0, 4)).isFalse(); // > U+10FFFF
        assertThat(Utf8.isValid(new byte[] {(byte) 0xC0, (byte) 0x80}, 0, 2)).isFalse(); // overlong NUL
        assertThat(Utf8.isValid("é字😀".getBytes(StandardCharsets.UTF_8), 0, 9)).isTrue();
    }
}
