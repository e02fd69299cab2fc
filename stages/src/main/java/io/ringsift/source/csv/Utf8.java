package io.ringsift.source.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 checks: {@code new String(bytes, UTF_8)} would silently replace bad bytes with U+FFFD. */
final class Utf8 {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private CharBuffer chars = CharBuffer.allocate(1024);

    /** True when {@code b[off..end)} is well-formed UTF-8. ASCII-only input (the common case) is checked without decoding. */
    boolean isValid(byte[] b, int off, int end) {
        int i = off;
        // 8 bytes at a time would be faster still; JMH showed this loop is not the bottleneck
        while (i < end && b[i] >= 0) {
            i++;
        }
        return i == end || decode(b, i, end) != null;
    }

    /** Decodes strictly into a reused buffer, or returns null when the bytes are not valid UTF-8. */
    CharBuffer decode(byte[] b, int off, int end) {
        int n = end - off;
        if (chars.capacity() < n) {
            chars = CharBuffer.allocate(Math.max(n, chars.capacity() * 2));
        }
        chars.clear();
        decoder.reset();
        var r = decoder.decode(ByteBuffer.wrap(b, off, n), chars, true);
        if (r.isError()) {
            return null;
        }
        r = decoder.flush(chars);
        if (r.isError()) {
            return null;
        }
        chars.flip();
        return chars;
    }

    static String lenient(byte[] b, int off, int end) {
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    static boolean valid(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
