package io.ringsift.partial;

/**
 * A reusable {@link CharSequence} over a slice of bytes, one char per byte, for classifying values
 * straight from UTF-8 bytes. Only meaningful for ASCII bytes: {@link ValueType} rules are ASCII-only
 * and any byte above 0x7F reads as a char no rule accepts. Confined to one thread.
 */
final class AsciiView implements CharSequence {
    private byte[] b;
    private int start;
    private int length;

    AsciiView of(byte[] bytes, int from, int to) {
        this.b = bytes;
        this.start = from;
        this.length = to - from;
        return this;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        return (char) (b[start + index] & 0xFF);
    }

    @Override
    public CharSequence subSequence(int from, int to) {
        return new String(b, start + from, to - from, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    @Override
    public String toString() {
        return subSequence(0, length).toString();
    }
}
