package io.ringsift.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Utf8.isValid skips ASCII eight bytes at a time: a non-ASCII byte at any offset of a word is still checked. */
class Utf8AsciiRunsTest {
    private static final byte[][] PIECES = {
        "é".getBytes(StandardCharsets.UTF_8), "字".getBytes(StandardCharsets.UTF_8), "😀".getBytes(StandardCharsets.UTF_8),
        {(byte) 0xFF}, {(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
    };

    static boolean jdk(byte[] b, int off, int end) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b, off, end - off));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void agreesWithTheJdkWhereverTheNonAsciiByteSits(long seed) {
        Random r = new Random(seed);
        for (byte[] piece : PIECES) {
            for (int at = 0; at < 24; at++) {
                byte[] b = new byte[at + piece.length + r.nextInt(20)];
                for (int i = 0; i < b.length; i++) {
                    b[i] = (byte) ('a' + r.nextInt(26));
                }
                System.arraycopy(piece, 0, b, at, piece.length);
                int off = r.nextInt(Math.min(at + 1, 8));
                assertThat(Utf8.isValid(b, off, b.length)).as("piece at %d from %d", at, off).isEqualTo(jdk(b, off, b.length));
                int end = at + r.nextInt(piece.length + 1);
                assertThat(Utf8.isValid(b, off, end)).as("cut at %d", end).isEqualTo(jdk(b, off, end));
            }
        }
    }
}
