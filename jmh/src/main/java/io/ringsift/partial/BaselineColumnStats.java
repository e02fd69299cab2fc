package io.ringsift.partial;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/** The column statistics as they were before the column summary (commit e465a2d), kept only as FieldStatsBench's baseline. */
final class BaselineColumnStats {
    /**
     * lgK for per-column sketches: 4096 registers, about 1.6% relative standard error. HLL_8 (one
     * byte a register, 4 KiB) rather than HLL_4: it updates without nibble packing, and this runs
     * for every field of every row.
     */
    public static final int LG_K = 12;

    long nonEmpty;
    final long[] types = new long[ValueType.values().length];
    int minLength = Integer.MAX_VALUE;
    int maxLength;
    HllSketch distinct;

    BaselineColumnStats(boolean sketch) {
        distinct = sketch ? new HllSketch(LG_K, TgtHllType.HLL_8) : null;
    }

    void accept(String v) {
        int n = v.length();
        if (n < minLength) {
            minLength = n;
        }
        if (n > maxLength) {
            maxLength = n;
        }
        if (n == 0) {
            return;
        }
        nonEmpty++;
        types[ValueType.of(v).ordinal()]++;
        if (distinct != null) {
            distinct.update(fnv1a64(v));
        }
    }

    /**
     * The same as {@link #accept(String)} for the value whose (valid) UTF-8 bytes are
     * {@code b[s..e)}, without making the String: lengths count UTF-16 units and the hash runs over
     * the same UTF-16 units, so both paths give identical figures ({@code BaselineColumnStatsBytesTest}).
     */
    void accept(byte[] b, int s, int e) {
        int n = 0;
        for (int i = s; i < e; i++) {
            int c = b[i];
            if ((c & 0xC0) != 0x80) {
                n++;                      // a lead or ASCII byte starts a code point
            }
            if ((c & 0xF8) == 0xF0) {
                n++;                      // a 4-byte sequence is a surrogate pair in UTF-16
            }
        }
        if (n < minLength) {
            minLength = n;
        }
        if (n > maxLength) {
            maxLength = n;
        }
        if (n == 0) {
            return;
        }
        nonEmpty++;
        types[ValueType.of(b, s, e).ordinal()]++;
        if (distinct != null) {
            distinct.update(fnv1a64(b, s, e));
        }
    }

    /** {@link #fnv1a64(String)} of the String these valid UTF-8 bytes decode to. */
    static long fnv1a64(byte[] b, int s, int e) {
        long h = 0xcbf29ce484222325L;
        int i = s;
        while (i < e) {
            int c = b[i] & 0xFF;
            int cp;
            if (c < 0x80) {
                cp = c;
                i++;
            } else if (c < 0xE0) {
                cp = (c & 0x1F) << 6 | (b[i + 1] & 0x3F);
                i += 2;
            } else if (c < 0xF0) {
                cp = (c & 0x0F) << 12 | (b[i + 1] & 0x3F) << 6 | (b[i + 2] & 0x3F);
                i += 3;
            } else {
                cp = (c & 0x07) << 18 | (b[i + 1] & 0x3F) << 12 | (b[i + 2] & 0x3F) << 6 | (b[i + 3] & 0x3F);
                i += 4;
            }
            if (cp >= 0x10000) {
                h = (h ^ Character.highSurrogate(cp)) * 0x100000001b3L;
                h = (h ^ Character.lowSurrogate(cp)) * 0x100000001b3L;
            } else {
                h = (h ^ cp) * 0x100000001b3L;
            }
        }
        return h;
    }

    /**
     * FNV-1a, 64 bits, over the UTF-16 chars. {@code HllSketch.update(String)} encodes every value
     * to UTF-8 (an allocation) before hashing it; the sketch re-hashes the long given to
     * {@code update(long)} with its own murmur3, so this only has to keep distinct values distinct:
     * two distinct values collide with probability about 2^-64 per pair.
     */
    static long fnv1a64(String v) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0, n = v.length(); i < n; i++) {
            h ^= v.charAt(i);
            h *= 0x100000001b3L;
        }
        return h;
    }

    void mergeFrom(BaselineColumnStats o) {
        nonEmpty += o.nonEmpty;
        for (int i = 0; i < types.length; i++) {
            types[i] += o.types[i];
        }
        minLength = Math.min(minLength, o.minLength);
        maxLength = Math.max(maxLength, o.maxLength);
        if (distinct != null && o.distinct != null) {
            Union u = new Union(LG_K);
            u.update(distinct);
            u.update(o.distinct);
            distinct = u.getResult(TgtHllType.HLL_8);
        }
    }

    public long nonEmpty() {
        return nonEmpty;
    }

    public long typeCount(ValueType t) {
        return types[t.ordinal()];
    }

    /** Shortest value seen, or -1 when the column had no values at all. */
    public int minLength() {
        return minLength == Integer.MAX_VALUE ? -1 : minLength;
    }

    public int maxLength() {
        return maxLength;
    }

    /** Estimated distinct non-empty values, or -1 when not measured ({@code --stats basic}). */
    public double distinctEstimate() {
        return distinct == null ? -1 : distinct.getEstimate();
    }

    void writeTo(DataOutput out) throws IOException {
        out.writeLong(nonEmpty);
        for (long t : types) {
            out.writeLong(t);
        }
        out.writeInt(minLength);
        out.writeInt(maxLength);
        byte[] sketch = distinct == null ? new byte[0] : distinct.toCompactByteArray();
        out.writeInt(sketch.length);
        out.write(sketch);
    }

    void readFrom(DataInput in) throws IOException {
        nonEmpty = in.readLong();
        for (int i = 0; i < types.length; i++) {
            types[i] = in.readLong();
        }
        minLength = in.readInt();
        maxLength = in.readInt();
        byte[] sketch = new byte[in.readInt()];
        in.readFully(sketch);
        if (sketch.length > 0) {
            distinct = HllSketch.heapify(sketch);
        }
    }
}
