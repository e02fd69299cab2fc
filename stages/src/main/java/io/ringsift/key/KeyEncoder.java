package io.ringsift.key;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Builds a key's canonical bytes and hashes them. One instance per thread; reused for every record.
 *
 * <p>Canonical form: for each key part in key-spec order, a one-byte type tag (the BSON type number:
 * {@code 0x02} string, {@code 0x10} int32, {@code 0x12} int64, …), the value's length as an unsigned
 * LEB128 varint, then the value bytes. Because every part carries its length, no choice of field
 * contents can make two different keys encode alike: {@code ["a,b", "c"]} and {@code ["a", "b,c"]}
 * differ in their first length. CSV values are strings (tag 0x02, UTF-8 bytes exactly as read), so a
 * CSV key and a Mongo string key with the same text encode identically.
 */
public final class KeyEncoder {
    public static final byte TAG_STRING = 0x02;

    private byte[] buf = new byte[256];
    private int len;
    private final Murmur3 murmur = new Murmur3();

    public KeyEncoder reset() {
        len = 0;
        return this;
    }

    /** Appends a string part (tag 0x02, UTF-8). */
    public KeyEncoder addString(CharSequence s) {
        int n = s.length();
        boolean ascii = true;
        for (int i = 0; i < n; i++) {
            if (s.charAt(i) >= 0x80) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            header(TAG_STRING, n);
            ensure(n);
            for (int i = 0; i < n; i++) {
                buf[len++] = (byte) s.charAt(i);
            }
            return this;
        }
        byte[] utf8 = s.toString().getBytes(StandardCharsets.UTF_8);
        return addBytes(TAG_STRING, utf8, 0, utf8.length);
    }

    /** Appends a part whose value bytes are already in canonical form for {@code tag}. */
    public KeyEncoder addBytes(byte tag, byte[] value, int off, int n) {
        header(tag, n);
        ensure(n);
        System.arraycopy(value, off, buf, len, n);
        len += n;
        return this;
    }

    private void header(byte tag, int n) {
        ensure(6);
        buf[len++] = tag;
        // unsigned LEB128: 7 bits per byte, high bit set on all but the last
        int v = n;
        while ((v & ~0x7F) != 0) {
            buf[len++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[len++] = (byte) v;
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    /** murmur3_128 of the canonical bytes built so far (the same as Guava's {@code Hashing.murmur3_128()}), into {@code out}. */
    public KeyHash hash(KeyHash out) {
        murmur.hash(buf, 0, len);
        return out.set(murmur.h1, murmur.h2);
    }

    /** A copy of the canonical bytes built so far (for exact verification and tests). */
    public byte[] toBytes() {
        return Arrays.copyOf(buf, len);
    }

}
