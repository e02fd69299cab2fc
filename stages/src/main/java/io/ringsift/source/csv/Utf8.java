package io.ringsift.source.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 checks: {@code new String(bytes, UTF_8)} would silently replace bad bytes with U+FFFD. */
final class Utf8 {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private CharBuffer chars = CharBuffer.allocate(1024);

    /**
     * True when {@code b[off..end)} is well-formed UTF-8 (RFC 3629: no overlong forms, no
     * surrogates, nothing above U+10FFFF). Hand-written because the JDK's strict path is a
     * {@code CharsetDecoder}, which decodes into a buffer only to be thrown away; this loop only
     * checks, and ASCII (the common case) costs one comparison per byte. Property-tested against
     * the JDK decoder in {@code Utf8Test}. Runs of ASCII are skipped eight bytes at a time (no byte of
     * the word has its high bit set).
     */
    static boolean isValid(byte[] b, int off, int end) {
        return classify(b, off, end) != INVALID;
    }

    /** {@link #classify}: not well-formed UTF-8. */
    static final int INVALID = -1;
    /** {@link #classify}: well-formed, with at least one multi-byte sequence. */
    static final int VALID = 0;
    /** {@link #classify}: every byte is ASCII, so each byte is one char (a value's UTF-16 length is its byte count). */
    static final int ASCII = 1;

    /** {@link #INVALID}, {@link #VALID} or {@link #ASCII}: {@link #isValid}'s one pass, which notices ASCII for free. */
    static int classify(byte[] b, int off, int end) {
        int i = off;
        int kind = ASCII;
        while (i < end) {
            if (i <= end - Long.BYTES && (Swar.word(b, i) & Swar.HIGHS) == 0) {
                i += Long.BYTES;
                continue;
            }
            int c = b[i];
            if (c >= 0) {
                i++;
                continue;
            }
            kind = VALID;
            c &= 0xFF;
            if (c < 0xC2) {
                return INVALID; // a stray continuation byte, or an overlong two-byte form
            }
            if (c < 0xE0) {
                if (i + 1 >= end || !continuation(b[i + 1])) {
                    return INVALID;
                }
                i += 2;
            } else if (c < 0xF0) {
                if (i + 2 >= end || !continuation(b[i + 1]) || !continuation(b[i + 2])) {
                    return INVALID;
                }
                int c1 = b[i + 1] & 0xFF;
                if (c == 0xE0 && c1 < 0xA0 || c == 0xED && c1 >= 0xA0) {
                    return INVALID; // overlong, or a UTF-16 surrogate
                }
                i += 3;
            } else if (c < 0xF5) {
                if (i + 3 >= end || !continuation(b[i + 1]) || !continuation(b[i + 2]) || !continuation(b[i + 3])) {
                    return INVALID;
                }
                int c1 = b[i + 1] & 0xFF;
                if (c == 0xF0 && c1 < 0x90 || c == 0xF4 && c1 >= 0x90) {
                    return INVALID; // overlong, or above U+10FFFF
                }
                i += 4;
            } else {
                return INVALID;
            }
        }
        return kind;
    }

    private static boolean continuation(byte x) {
        return (x & 0xC0) == 0x80;
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
}
