package io.ringsift.partial;

import io.ringsift.record.ValueSink;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * Statistics of one CSV column over the rows one handler owns: counts, type mix, lengths, min and
 * max, and (at {@code --stats full}) distinct count and most frequent values ({@link ValueCounts}).
 *
 * <p>Values arrive as UTF-8 byte slices; nothing here makes a String or any other object per value.
 * Min and max are kept twice, because which one a reader wants depends on the column:
 * <ul>
 *   <li>by number, over the values typed integer or decimal: compared as doubles (a correctly
 *       rounded parse is monotonic, so a strict double comparison is exact) and, when two different
 *       texts give the same double, as {@link BigDecimal}s;</li>
 *   <li>by length then value, over every non-empty value: the shortest value (ties: the smallest in
 *       Unicode code point order, which is UTF-8 byte order) and the longest.</li>
 * </ul>
 * The report shows the number order when the dominant type is integer or decimal, the other
 * otherwise ({@link #minMaxByNumber()}).
 */
public final class ColumnStats implements ValueSink {
    /**
     * lgK for per-column HLL sketches: 4096 registers, about 1.6% relative standard error. HLL_8 (one
     * byte a register, 4 KiB) rather than HLL_4: it updates without nibble packing.
     */
    public static final int LG_K = 12;

    long nonEmpty;
    long empty;
    final long[] types = new long[ValueType.values().length];
    int minLength = Integer.MAX_VALUE;
    int maxLength;

    // shortest and longest value (by UTF-16 length, then code point order); length -1 = none yet
    // (unset extremes start with sort keys every value beats, so the hot path needs no isSet test)
    private final Extreme shortest = new Extreme(Integer.MAX_VALUE, 0);
    private final Extreme longest = new Extreme(-1, 0);
    // smallest and largest number
    private final Extreme low = new Extreme(0, Double.POSITIVE_INFINITY);
    private final Extreme high = new Extreme(0, Double.NEGATIVE_INFINITY);

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle PREFIX = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private final ValueCounts counts;
    private final ValueKey key;

    /** A value kept as bytes in a reused buffer, with its sort key (UTF-16 length or numeric value). */
    private static final class Extreme {
        byte[] bytes = new byte[32];
        int length = -1;
        int chars;
        double number;

        Extreme(int chars, double number) {
            this.chars = chars;
            this.number = number;
        }

        boolean isSet() {
            return length >= 0;
        }

        void set(byte[] b, int s, int e, int chars, double number) {
            int n = e - s;
            if (n > bytes.length) {
                bytes = new byte[Math.max(n, bytes.length * 2)];
            }
            System.arraycopy(b, s, bytes, 0, n);
            length = n;
            this.chars = chars;
            this.number = number;
        }

        void set(Extreme o) {
            set(o.bytes, 0, o.length, o.chars, o.number);
        }

        String text() {
            return isSet() ? new String(bytes, 0, length, StandardCharsets.UTF_8) : null;
        }
    }

    /** @param full also count distinct and frequent values ({@code --stats full}) */
    ColumnStats(boolean full) {
        counts = full ? new ValueCounts() : null;
        key = full ? new ValueKey() : null;
    }

    /** For tests: the same as the bytes path over the value's UTF-8 bytes. */
    void accept(String v) {
        byte[] b = v.getBytes(StandardCharsets.UTF_8);
        accept(b, 0, b.length);
    }

    /**
     * Adds the value whose (valid) UTF-8 bytes are {@code b[s..e)}. Lengths count UTF-16 units, as
     * {@code String.length()}.
     *
     * <p>At {@code --stats full} a value the value table already holds costs only its hash and one
     * probe: its length, type and place among the extremes were settled when it was first seen, and
     * repeating a value changes none of them. Low-cardinality columns are almost all repeats.
     */
    void accept(byte[] b, int s, int e) {
        accept(b, s, e, false);
    }

    /** As {@link #accept(byte[], int, int)}; {@code ascii} true when the caller knows every byte is ASCII. */
    @Override
    public void accept(byte[] b, int s, int e, boolean ascii) {
        if (s == e) {
            empty++;
            minLength = 0;
            return;
        }
        nonEmpty++;
        if (counts != null) {
            key.of(b, s, e);
            int type = counts.countIfPresent(key.h1, key.h2, b, s, e);
            if (type >= 0) {
                types[type]++;
                return;
            }
            ValueType t = acceptNew(b, s, e, ascii);
            counts.addNew(key.h1, key.h2, b, s, e, t);
        } else {
            acceptNew(b, s, e, ascii);
        }
    }

    /** Length, type and extremes of a non-empty value; returns its type. */
    private ValueType acceptNew(byte[] b, int s, int e, boolean ascii) {
        int n = ascii ? e - s : utf16Length(b, s, e);
        if (n < minLength) {
            minLength = n;
        }
        if (n > maxLength) {
            maxLength = n;
        }
        ValueType t = ValueType.of(b, s, e);
        types[t.ordinal()]++;
        if (n <= shortest.chars && (n < shortest.chars || compare(b, s, e, shortest) < 0)) {
            shortest.set(b, s, e, n, 0);
        }
        if (n >= longest.chars && (n > longest.chars || compare(b, s, e, longest) > 0)) {
            longest.set(b, s, e, n, 0);
        }
        if (t == ValueType.INTEGER || t == ValueType.DECIMAL) {
            acceptNumber(b, s, e, n);
        }
        return t;
    }

    private void acceptNumber(byte[] b, int s, int e, int n) {
        double d = parseNumber(b, s, e);
        if (d <= low.number && (!low.isSet() || compareNumber(d, b, s, e, low) < 0)) {
            low.set(b, s, e, n, d);
        }
        if (d >= high.number && (!high.isSet() || compareNumber(d, b, s, e, high) > 0)) {
            high.set(b, s, e, n, d);
        }
    }

    /** UTF-16 units of valid UTF-8 {@code b[s..e)}: a char per ASCII or lead byte, two for a 4-byte sequence. */
    private static int utf16Length(byte[] b, int s, int e) {
        int n = 0;
        int i = s;
        // eight ASCII bytes at a time: one char each (most values are ASCII)
        for (; i + 8 <= e && ((long) LONGS.get(b, i) & 0x8080808080808080L) == 0; i += 8) {
            n += 8;
        }
        for (; i < e; i++) {
            int c = b[i];
            if ((c & 0xC0) != 0x80) {
                n++;
            }
            if ((c & 0xF8) == 0xF0) {
                n++;
            }
        }
        return n;
    }

    /**
     * Unsigned byte order (code point order for UTF-8). Values of one length are often alike only
     * in their first bytes (keys, codes), so the first eight are compared as one big-endian word.
     */
    private static int compare(byte[] b, int s, int e, Extreme x) {
        if (e - s >= 8 && x.length >= 8) {
            long p = (long) PREFIX.get(b, s);
            long q = (long) PREFIX.get(x.bytes, 0);
            if (p != q) {
                return Long.compareUnsigned(p, q);
            }
        }
        return Arrays.compareUnsigned(b, s, e, x.bytes, 0, x.length);
    }

    private static int compareNumber(double d, byte[] b, int s, int e, Extreme x) {
        if (d != x.number) {
            return d < x.number ? -1 : 1;
        }
        if (Arrays.equals(b, s, e, x.bytes, 0, x.length)) {
            return 0;
        }
        // rare: two spellings of (nearly) one double, e.g. 1.0 and 1.00, or digits beyond double precision
        return decimal(b, s, e).compareTo(decimal(x.bytes, 0, x.length));
    }

    private static BigDecimal decimal(byte[] b, int s, int e) {
        return new BigDecimal(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
    }

    private static final double[] POW10 = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14,
        1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /**
     * The correctly rounded double of an integer or decimal value. Fast path (no exponent, at most 15
     * digits, so the digits are an exact long and an exact double, and at most 22 after the point, so
     * the power of ten is an exact double too): one IEEE division of two exact values, which is
     * correctly rounded (the "Clinger fast path"). Anything else goes to {@link Double#parseDouble}.
     */
    static double parseNumber(byte[] b, int s, int e) {
        int i = s;
        boolean negative = false;
        if (b[i] == '-' || b[i] == '+') {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int digits = 0;
        int scale = -1;
        for (; i < e; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                mantissa = mantissa * 10 + (c - '0');
                digits++;
                if (scale >= 0) {
                    scale++;
                }
            } else if (c == '.') {
                scale = 0;
            } else {
                digits = 99;   // an exponent: slow path
                break;
            }
        }
        if (digits > 15 || scale > 22) {
            return Double.parseDouble(new String(b, s, e - s, StandardCharsets.ISO_8859_1));
        }
        double d = scale > 0 ? mantissa / POW10[scale] : mantissa;
        return negative ? -d : d;
    }

    void mergeFrom(ColumnStats o) {
        nonEmpty += o.nonEmpty;
        empty += o.empty;
        for (int i = 0; i < types.length; i++) {
            types[i] += o.types[i];
        }
        minLength = Math.min(minLength, o.minLength);
        maxLength = Math.max(maxLength, o.maxLength);
        if (o.shortest.isSet() && (!shortest.isSet() || o.shortest.chars < shortest.chars
                || o.shortest.chars == shortest.chars && compare(o.shortest.bytes, 0, o.shortest.length, shortest) < 0)) {
            shortest.set(o.shortest);
        }
        if (o.longest.isSet() && (!longest.isSet() || o.longest.chars > longest.chars
                || o.longest.chars == longest.chars && compare(o.longest.bytes, 0, o.longest.length, longest) > 0)) {
            longest.set(o.longest);
        }
        if (o.low.isSet() && (!low.isSet() || compareNumber(o.low.number, o.low.bytes, 0, o.low.length, low) < 0)) {
            low.set(o.low);
        }
        if (o.high.isSet() && (!high.isSet() || compareNumber(o.high.number, o.high.bytes, 0, o.high.length, high) > 0)) {
            high.set(o.high);
        }
        if (counts != null && o.counts != null) {
            counts.mergeFrom(o.counts);
        }
    }

    public long nonEmpty() {
        return nonEmpty;
    }

    /** Empty values (CSV has no null: an empty field is the closest thing). */
    public long empty() {
        return empty;
    }

    public long typeCount(ValueType t) {
        return types[t.ordinal()];
    }

    /** The type of most non-empty values (ties: the first in {@link ValueType} order), or null with no values. */
    public ValueType dominantType() {
        ValueType best = null;
        for (ValueType t : ValueType.values()) {
            if (types[t.ordinal()] > 0 && (best == null || types[t.ordinal()] > types[best.ordinal()])) {
                best = t;
            }
        }
        return best;
    }

    /** Shortest value seen, or -1 when the column had no values at all. */
    public int minLength() {
        return minLength == Integer.MAX_VALUE ? -1 : minLength;
    }

    public int maxLength() {
        return maxLength;
    }

    /** True when {@link #min()} and {@link #max()} are by number: the dominant type is integer or decimal. */
    public boolean minMaxByNumber() {
        ValueType t = dominantType();
        return (t == ValueType.INTEGER || t == ValueType.DECIMAL) && low.isSet();
    }

    /** The smallest number ({@link #minMaxByNumber()}) or the shortest value; null with no values. */
    public String min() {
        return minMaxByNumber() ? low.text() : shortest.text();
    }

    /** The largest number ({@link #minMaxByNumber()}) or the longest value; null with no values. */
    public String max() {
        return minMaxByNumber() ? high.text() : longest.text();
    }

    /** Distinct non-empty values: exact while {@link #distinctExact()}, else an HLL estimate; -1 when not measured. */
    public double distinctEstimate() {
        return counts == null ? -1 : counts.distinctEstimate();
    }

    /** True when {@link #distinctEstimate()} and the frequent values are exact counts. */
    public boolean distinctExact() {
        return counts != null && counts.exact();
    }

    /** ~95% bounds of the distinct estimate (equal to it when exact); -1 when not measured. */
    public double distinctLowerBound() {
        return counts == null ? -1 : counts.distinctLowerBound();
    }

    public double distinctUpperBound() {
        return counts == null ? -1 : counts.distinctUpperBound();
    }

    /** A frequent value with its count and the bounds of its true count (equal to the count when exact). */
    public record Frequent(String value, long count, long lowerBound, long upperBound) {}

    /** The most frequent non-empty values, most frequent first; empty when not measured. */
    public List<Frequent> frequent() {
        if (counts == null) {
            return List.of();
        }
        return counts.top().stream().map(i -> new Frequent(i.value(), i.count(), i.lowerBound(), i.upperBound())).toList();
    }

    /** The largest possible error of a frequent value's count (0 when exact), or -1 when not measured. */
    public long frequentMaxError() {
        return counts == null ? -1 : counts.maxError();
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeLong(nonEmpty);
        out.writeLong(empty);
        for (long t : types) {
            out.writeLong(t);
        }
        out.writeInt(minLength);
        out.writeInt(maxLength);
        for (Extreme x : List.of(shortest, longest, low, high)) {
            out.writeInt(x.length);
            if (x.isSet()) {
                out.write(x.bytes, 0, x.length);
                out.writeInt(x.chars);
                out.writeDouble(x.number);
            }
        }
        out.writeBoolean(counts != null);
        if (counts != null) {
            counts.writeTo(out);
        }
    }

    void readFrom(DataInput in) throws IOException {
        nonEmpty = in.readLong();
        empty = in.readLong();
        for (int i = 0; i < types.length; i++) {
            types[i] = in.readLong();
        }
        minLength = in.readInt();
        maxLength = in.readInt();
        for (Extreme x : List.of(shortest, longest, low, high)) {
            int n = in.readInt();
            if (n >= 0) {
                byte[] b = new byte[n];
                in.readFully(b);
                x.set(b, 0, n, in.readInt(), in.readDouble());
            }
        }
        boolean full = in.readBoolean();
        if (full != (counts != null)) {
            throw new IOException("checkpointed column statistics were made with another --stats level");
        }
        if (counts != null) {
            counts.readFrom(in);
        }
    }
}
