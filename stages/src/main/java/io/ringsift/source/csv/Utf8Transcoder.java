package io.ringsift.source.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a stream in any JDK charset and re-encodes it as UTF-8, so the framer, its rules and its
 * line numbers stay the same for every {@code --encoding}: CR and LF are one character in every
 * charset the JDK reads as text, and stay one byte each.
 *
 * <p>A byte sequence that is not valid in the source charset is not "repaired" into U+FFFD (that
 * would accept a damaged row silently): it becomes the byte {@code 0xFF}, which is never valid
 * UTF-8, so the record holding it is rejected with its line like any other invalid text.
 * {@code InputStreamReader} cannot do this: it either replaces silently or throws without a position.
 */
final class Utf8Transcoder extends InputStream {
    /** Never part of valid UTF-8 (RFC 3629), so a record that holds it is rejected. */
    static final byte INVALID = (byte) 0xFF;

    private final InputStream in;
    private final CharsetDecoder decoder;
    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final ByteBuffer src = ByteBuffer.allocate(1 << 16);
    private final CharBuffer chars = CharBuffer.allocate(1 << 16);
    private final ByteBuffer out = ByteBuffer.allocate((1 << 16) * 3 + 16);
    private boolean eof;
    private boolean flushed;

    Utf8Transcoder(InputStream in, Charset charset) {
        this.in = in;
        this.decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        src.flip();
        out.flip();
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (!out.hasRemaining()) {
            if (flushed) {
                return -1;
            }
            refill();
        }
        int n = Math.min(len, out.remaining());
        out.get(b, off, n);
        return n;
    }

    private void refill() throws IOException {
        out.clear();
        if (!eof && src.remaining() < 16) {
            src.compact();
            int n = in.read(src.array(), src.position(), src.remaining());
            if (n < 0) {
                eof = true;
            } else {
                src.position(src.position() + n);
            }
            src.flip();
        }
        CoderResult r = decoder.decode(src, chars, eof);   // chars stays in write mode between calls
        if (r.isError()) {
            encode(false);
            // one marker byte per bad byte, so the record keeps its length in the rejects
            for (int i = 0; i < r.length(); i++) {
                out.put(INVALID);
            }
            src.position(src.position() + r.length());
        } else if (eof && !src.hasRemaining()) {
            decoder.flush(chars);
            encode(true);
            encoder.flush(out);
            flushed = true;
        } else {
            encode(false);
        }
        out.flip();
    }

    /** Encodes the decoded chars into {@link #out}; a high surrogate at the end waits for its pair. */
    private void encode(boolean end) {
        chars.flip();
        while (true) {
            CoderResult r = encoder.encode(chars, out, end);
            if (!r.isError()) {
                break;
            }
            // a lone surrogate from the decoder (damaged UTF-16): invalid, like a bad byte
            for (int i = 0; i < r.length(); i++) {
                out.put(INVALID);
            }
            chars.position(chars.position() + r.length());
        }
        chars.compact();
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
