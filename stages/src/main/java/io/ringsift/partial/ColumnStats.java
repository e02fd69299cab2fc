package io.ringsift.partial;

import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/** Statistics of one CSV column over the rows one handler owns. */
public final class ColumnStats {
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

    ColumnStats(boolean sketch) {
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

    void mergeFrom(ColumnStats o) {
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

    void writeTo(java.io.DataOutput out) throws java.io.IOException {
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

    void readFrom(java.io.DataInput in) throws java.io.IOException {
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
