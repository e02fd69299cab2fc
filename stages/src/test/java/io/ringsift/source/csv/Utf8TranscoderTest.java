package io.ringsift.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Any charset in, UTF-8 out: the same text, line ends untouched, invalid bytes kept invalid (never "repaired"). */
class Utf8TranscoderTest {

    /** Reads in random-sized pieces from a source that also delivers random-sized pieces, so every buffer edge is crossed. */
    private static byte[] transcode(byte[] in, Charset cs, Random rnd) throws IOException {
        InputStream trickle = new ByteArrayInputStream(in) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1 + rnd.nextInt(7)));
            }
        };
        try (Utf8Transcoder t = new Utf8Transcoder(trickle, cs)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[1 + rnd.nextInt(100)];
            int n;
            while ((n = t.read(buf, 0, buf.length)) >= 0) {
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"ISO-8859-1", "windows-1252", "UTF-16LE", "UTF-16", "Shift_JIS", "UTF-8"})
    void randomTextComesOutAsItsUtf8(String name) throws IOException {
        Charset cs = Charset.forName(name);
        Random rnd = new Random(name.hashCode());
        String alphabet = name.startsWith("UTF") ? "ab,\"\n\r\té€😀ü漢字" : name.equals("Shift_JIS") ? "ab,\n漢字カナ" : "ab,\"\n\r\téü£";
        for (int round = 0; round < 50; round++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(3000);
            while (sb.length() < len) {
                sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, rnd.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            String text = sb.toString();
            assertThat(new String(transcode(text.getBytes(cs), cs, rnd), StandardCharsets.UTF_8)).isEqualTo(text);
        }
    }

    @Test
    void latin1AndWindows1252DifferWhereTheyShould() throws IOException {
        byte[] b = {'c', 'a', 'f', (byte) 0xE9, ',', (byte) 0x80, '\n'};
        Random rnd = new Random(1);
        assertThat(new String(transcode(b, StandardCharsets.ISO_8859_1, rnd), StandardCharsets.UTF_8)).isEqualTo("café,\u0080\n");
        assertThat(new String(transcode(b, Charset.forName("windows-1252"), rnd), StandardCharsets.UTF_8)).isEqualTo("café,€\n");
    }

    @Test
    void aByteUndefinedInTheCharsetStaysInvalidSoItsRecordIsRejected() throws IOException {
        // 0x81 is not a character in windows-1252
        byte[] b = {'a', (byte) 0x81, 'b', '\n'};
        byte[] out = transcode(b, Charset.forName("windows-1252"), new Random(2));
        assertThat(out).containsExactly('a', Utf8Transcoder.INVALID, 'b', '\n');
        assertThat(Utf8.isValid(out, 0, out.length)).isFalse();
    }
}
