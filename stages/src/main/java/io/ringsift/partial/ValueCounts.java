package io.ringsift.partial;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.datasketches.frequencies.ErrorType;
import org.apache.datasketches.frequencies.LongsSketch;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * Distinct count and most frequent values of one column, exact while the column is small.
 *
 * <p><b>Exact phase.</b> Values are counted in an open-addressing table keyed by their 128-bit
 * identity ({@link ValueKey}: a short value's own bytes, else its murmur3 hash; see {@link #slots}),
 * their bytes kept once for the report: no object per value, no String. While a column has at most
 * {@link #EXACT_LIMIT} distinct values (in this handler, and after merging) every count and the
 * distinct count are exact.
 *
 * <p><b>Sketch phase.</b> When the table fills up it is flushed and becomes a pre-aggregation window:
 * <ul>
 *   <li>every distinct hash of the window goes into an HLL sketch (a set sketch: feeding each distinct
 *       value once per window gives the same sketch as feeding every row), so the distinct figure
 *       becomes an estimate with HLL's bound (lgK {@value ColumnStats#LG_K}, about 1.6% RSE);</li>
 *   <li>every value seen at least twice in the window goes, with its count, into a DataSketches
 *       frequent-items sketch ({@link LongsSketch}, Misra-Gries with reverse purge; map size
 *       {@value #SKETCH_MAP}) keyed by the 64-bit digest of its identity ({@link ValueKey#mix}), and
 *       its text into a side map;</li>
 *   <li>a value seen once in the window is not sent. That keeps the sketch's purge cost (about 100 ns
 *       an update on a stream of unique values, measured) off high-cardinality columns, at a price
 *       that is stated: a value's true count can exceed what the sketch holds by at most one per
 *       flushed window. So for every reported value
 *       {@code lowerBound <= true count <= upperBound}, where {@code lowerBound} is the sketch's, and
 *       {@code upperBound} is the sketch's plus {@link #windows} (flushed windows).</li>
 * </ul>
 * Only values whose lower bound exceeds the largest possible count error ({@link #maxError()}) are
 * reported in the sketch phase: those are certainly more frequent than any value not listed. Two
 * different values with the same 64-bit digest (probability about n^2 / 2^65) would be counted
 * together in the sketch phase.
 *
 * <p>Confined to one handler thread until merged by the reducer.
 */
final class ValueCounts {
    /** Distinct values counted exactly before the table becomes a window in front of the sketches. */
    static final int EXACT_LIMIT = 1024;
    /**
     * Distinct values a window holds after that. Smaller than the exact table: a column that spilled
     * has many distinct values, and a 16 KiB table stays in the L1 cache; each flushed window adds 1
     * to the count error bound, so a window of 256 adds at most 1/256 of the rows, below the
     * sketch's own a priori error of 3.5/{@value #SKETCH_MAP} of what it was fed.
     */
    static final int WINDOW = 256;
    /** {@link LongsSketch} map size: a priori error about 3.5 / 256 = 1.4% of the counts it was fed. */
    static final int SKETCH_MAP = 256;
    /** Values reported per column. */
    static final int TOP = 10;

    /** One reported value. Bounds equal the count when exact. */
    record Item(String value, long count, long lowerBound, long upperBound) {}

    /**
     * The table, one slot in four adjacent longs so a probe touches one cache line, not four
     * arrays: {@code [4i]}, {@code [4i+1]} the value's 128-bit identity ({@link ValueKey}), {@code [4i+2]} its
     * count (low 56 bits; 0 = empty slot) and its {@link ValueType} ordinal (the bits above), and
     * {@code [4i+3]} its offset in {@link #arena} (high 32 bits) and length (low 32 bits), or
     * {@link #NO_TEXT}. Values are told apart by the 128-bit hash alone, not by comparing bytes
     * (which cost a second cache miss per row): two distinct values of a column collide with
     * probability about n^2 / 2^129, below 10^-30 for the {@value #EXACT_LIMIT} values a table
     * holds, the same "exact up to a 128-bit collision" that {@code check --exact} states.
     *
     * <p>The type is kept so that a repeated value costs its caller only the hash and this probe
     * ({@link ColumnStats}): its length, type and place among the extremes were settled the first
     * time.
     */
    private long[] slots;
    private int mask;
    private int shift;
    private int size;
    /**
     * The filled slots in the order their values came: a flush visits only these, not every slot
     * (half of them empty, each an unpredictable branch), and in an order that is the input's.
     */
    private final int[] used = new int[EXACT_LIMIT];
    /** Where the last probe of {@link #countIfPresent} that missed ended: the slot {@link #addNew} fills. */
    private int freeSlot;
    private byte[] arena = new byte[1024];
    private int arenaLength;

    private static final long COUNT_MASK = (1L << 56) - 1;
    /**
     * Offset word of a value whose bytes are not kept. In the sketch phase a window keeps a value's
     * bytes only from its second occurrence: only values seen twice in a window go to the
     * frequent-items sketch, and most values of a column that spilled are seen once.
     */
    private static final long NO_TEXT = -1L;

    // sketch phase (null while exact)
    private LongsSketch sketch;
    private Map<Long, byte[]> texts;
    private HllSketch distinct;
    private long windows;

    ValueCounts() {
        allocate(16);
    }

    private void allocate(int n) {
        slots = new long[4 * n];
        mask = n - 1;
        shift = 64 - Integer.numberOfTrailingZeros(n);
    }

    /** The top bits of the identity's digest: a short value's packing is not spread by itself. */
    private int slot(long h, long h2) {
        return (int) (ValueKey.mix(h, h2) >>> shift);
    }

    /**
     * The slot holding the value with 128-bit identity {@code (h, h2)}, or {@code -1 - i} where
     * {@code i} is the free slot its probe ended at.
     */
    private int probe(long h, long h2) {
        long[] t = slots;
        int i = slot(h, h2);
        while (t[4 * i + 2] != 0) {
            if (t[4 * i] == h && t[4 * i + 1] == h2) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return -1 - i;
    }

    /** Adds {@code n} occurrences to slot {@code i}, keeping the value's bytes if it had none and they are at hand. */
    private void count(int i, long n, byte[] b, int s, int e) {
        slots[4 * i + 2] += n;
        if (slots[4 * i + 3] == NO_TEXT && b != null) {
            slots[4 * i + 3] = keep(b, s, e);
        }
    }

    /**
     * Counts one more occurrence of the value {@code b[s..e)} with 128-bit identity {@code (h, h2)}
     * if the table holds it, and returns its type ordinal; returns -1 (and changes nothing) when it
     * does not.
     */
    int countIfPresent(long h, long h2, byte[] b, int s, int e) {
        int i = probe(h, h2);
        if (i < 0) {
            freeSlot = -1 - i;
            return -1;
        }
        count(i, 1, b, s, e);
        return type(i);
    }

    /**
     * Counts the first occurrence (in this table) of a value {@link #countIfPresent} has just
     * answered -1 for: it goes into the free slot that probe ended at, unless the table must first
     * be flushed or grown.
     */
    void addNew(long h, long h2, byte[] b, int s, int e, ValueType type) {
        if (size < (sketch == null ? EXACT_LIMIT : WINDOW) && (size + 1) * 2 <= mask + 1) {
            put(freeSlot, h, h2, b, s, e, 1, type.ordinal());
        } else {
            add(h, h2, b, s, e, 1, type.ordinal());
        }
    }

    /** Adds {@code n} occurrences; {@code b} null when the value's bytes are not at hand. */
    private void add(long h, long h2, byte[] b, int s, int e, long n, int type) {
        while (true) {
            int i = probe(h, h2);
            if (i >= 0) {
                count(i, n, b, s, e);
                return;
            }
            if (size >= (sketch == null ? EXACT_LIMIT : WINDOW)) {
                flush();
            } else if ((size + 1) * 2 > mask + 1) {   // keep the load under 1/2: short probe runs
                grow();
            } else {
                put(-1 - i, h, h2, b, s, e, n, type);
                return;
            }
        }
    }

    private void put(int i, long h, long h2, byte[] b, int s, int e, long n, int type) {
        long[] t = slots;
        t[4 * i] = h;
        t[4 * i + 1] = h2;
        t[4 * i + 2] = (long) type << 56 | n;
        t[4 * i + 3] = b != null && (sketch == null || n > 1) ? keep(b, s, e) : NO_TEXT;
        used[size++] = i;
    }

    /** Copies a value's bytes into the arena; returns its offset word. */
    private long keep(byte[] b, int s, int e) {
        int len = e - s;
        if (arenaLength + len > arena.length) {
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaLength + len));
        }
        System.arraycopy(b, s, arena, arenaLength, len);
        long word = (long) arenaLength << 32 | len;
        arenaLength += len;
        return word;
    }

    private void grow() {
        // (a table never grows past 2 * EXACT_LIMIT slots: it is flushed at EXACT_LIMIT values)
        long[] old = slots;
        allocate(2 * (mask + 1));
        for (int k = 0; k < size; k++) {
            int j = 4 * used[k];
            int i = slot(old[j], old[j + 1]);
            while (slots[4 * i + 2] != 0) {
                i = (i + 1) & mask;
            }
            System.arraycopy(old, j, slots, 4 * i, 4);
            used[k] = i;
        }
    }

    private long hash(int i) {
        return slots[4 * i];
    }

    private long hash2(int i) {
        return slots[4 * i + 1];
    }

    private long count(int i) {
        return slots[4 * i + 2] & COUNT_MASK;
    }

    private int type(int i) {
        return (int) (slots[4 * i + 2] >>> 56);
    }

    private boolean hasText(int i) {
        return slots[4 * i + 3] != NO_TEXT;
    }

    private int offset(int i) {
        return (int) (slots[4 * i + 3] >>> 32);
    }

    private int length(int i) {
        return (int) slots[4 * i + 3];
    }

    private int capacity() {
        return mask + 1;
    }

    /** Moves the table into the sketches (see the class comment) and empties it; a no-op when empty. */
    private void flush() {
        if (size == 0) {
            return;
        }
        if (sketch == null) {
            sketch = new LongsSketch(SKETCH_MAP);
            texts = new HashMap<>();
            distinct = new HllSketch(ColumnStats.LG_K, TgtHllType.HLL_8);
        }
        for (int k = 0; k < size; k++) {
            int i = used[k];
            long n = count(i);
            long digest = ValueKey.mix(hash(i), hash2(i));
            distinct.update(digest);
            if (n > 1) {
                sketch.update(digest, n);
                if (hasText(i) && !texts.containsKey(digest)) {
                    texts.put(digest, Arrays.copyOfRange(arena, offset(i), offset(i) + length(i)));
                }
            }
            // a zero count word is what marks a slot empty: the other three words need no clearing
            slots[4 * i + 2] = 0;
        }
        windows++;
        if (capacity() > 2 * WINDOW) {
            allocate(2 * WINDOW);
        }
        size = 0;
        arenaLength = 0;
        if (texts.size() > 4 * SKETCH_MAP) {
            // the sketch purges values; their texts go too (a value it still holds always has its text)
            texts.keySet().removeIf(k -> sketch.getEstimate(k) == 0);
        }
    }

    /**
     * Folds {@code o} into this; {@code o} is used up. A window of {@code o}'s is flushed into its
     * sketches first (which adds one to the count error bound, as any flushed window does): a value
     * seen once in a window of each side has no bytes kept on either.
     */
    void mergeFrom(ValueCounts o) {
        if (o.sketch != null) {
            o.flush();
        }
        for (int i = 0; i < o.capacity(); i++) {
            if (o.count(i) != 0) {
                add(o.hash(i), o.hash2(i), o.arena, o.offset(i), o.offset(i) + o.length(i), o.count(i), o.type(i));
            }
        }
        if (o.sketch != null) {
            if (sketch == null) {
                sketch = new LongsSketch(SKETCH_MAP);
                texts = new HashMap<>();
                distinct = new HllSketch(ColumnStats.LG_K, TgtHllType.HLL_8);
            }
            sketch.merge(o.sketch);
            o.texts.forEach(texts::putIfAbsent);
            Union u = new Union(ColumnStats.LG_K);
            u.update(distinct);
            u.update(o.distinct);
            distinct = u.getResult(TgtHllType.HLL_8);
            windows += o.windows;
        }
    }

    /** True while every figure here is exact. */
    boolean exact() {
        return sketch == null;
    }

    /** The largest amount by which a value's true count can exceed its reported lower bound; 0 when exact. */
    long maxError() {
        settle();
        return sketch == null ? 0 : sketch.getMaximumError() + windows;
    }

    /** Flushed windows (each may hide one occurrence of a value); 0 when exact. */
    long windows() {
        return windows;
    }

    /** Before reading sketch figures: the current window joins the sketches (no-op while exact). */
    private void settle() {
        if (sketch != null) {
            flush();
        }
    }

    double distinctEstimate() {
        settle();
        return sketch == null ? size : distinct.getEstimate();
    }

    /** ~95% bounds (2 standard deviations) of the distinct estimate; the exact count twice while exact. */
    double distinctLowerBound() {
        settle();
        return sketch == null ? size : distinct.getLowerBound(2);
    }

    double distinctUpperBound() {
        settle();
        return sketch == null ? size : distinct.getUpperBound(2);
    }

    /**
     * Up to {@link #TOP} values, most frequent first (ties: by value in code point order). Exact
     * counts while exact; afterwards only values certainly more frequent than any unlisted one.
     */
    List<Item> top() {
        settle();
        List<Item> out = new ArrayList<>();
        if (sketch == null) {
            Integer[] order = new Integer[size];
            int n = 0;
            for (int i = 0; i < capacity(); i++) {
                if (count(i) != 0) {
                    order[n++] = i;
                }
            }
            Arrays.sort(order, (x, y) -> count(x) != count(y) ? Long.compare(count(y), count(x))
                    : Arrays.compareUnsigned(arena, offset(x), offset(x) + length(x), arena, offset(y), offset(y) + length(y)));
            for (int k = 0; k < Math.min(TOP, n); k++) {
                int i = order[k];
                String v = new String(arena, offset(i), length(i), StandardCharsets.UTF_8);
                out.add(new Item(v, count(i), count(i), count(i)));
            }
            return out;
        }
        long err = maxError();
        for (LongsSketch.Row r : sketch.getFrequentItems(err, ErrorType.NO_FALSE_POSITIVES)) {
            if (out.size() == TOP) {
                break;
            }
            byte[] text = texts.get(r.getItem());
            String v = text == null ? "?" : new String(text, StandardCharsets.UTF_8);
            out.add(new Item(v, r.getEstimate(), r.getLowerBound(), r.getUpperBound() + windows));
        }
        return out;
    }

    /** Writes the figures for a checkpoint: the sketches (if any), then the table with each value's type. */
    void writeTo(DataOutput out) throws IOException {
        out.writeBoolean(sketch != null);
        if (sketch != null) {
            out.writeLong(windows);
            byte[] frequent = sketch.serializeToString().getBytes(StandardCharsets.US_ASCII);
            out.writeInt(frequent.length);
            out.write(frequent);
            byte[] hll = distinct.toCompactByteArray();
            out.writeInt(hll.length);
            out.write(hll);
            out.writeInt(texts.size());
            for (Map.Entry<Long, byte[]> t : texts.entrySet()) {
                out.writeLong(t.getKey());
                out.writeInt(t.getValue().length);
                out.write(t.getValue());
            }
        }
        out.writeInt(size);
        for (int i = 0; i < capacity(); i++) {
            if (count(i) != 0) {
                out.writeLong(hash(i));
                out.writeLong(hash2(i));
                out.writeLong(count(i));
                out.writeByte(type(i));
                out.writeInt(hasText(i) ? length(i) : -1);
                if (hasText(i)) {
                    out.write(arena, offset(i), length(i));
                }
            }
        }
    }

    /** Restores the figures written by {@link #writeTo} into this new, empty instance. */
    void readFrom(DataInput in) throws IOException {
        if (size != 0 || sketch != null) {
            throw new IllegalStateException("checkpointed value counts are read into an empty instance only");
        }
        if (in.readBoolean()) {
            windows = in.readLong();
            byte[] frequent = new byte[in.readInt()];
            in.readFully(frequent);
            sketch = LongsSketch.getInstance(new String(frequent, StandardCharsets.US_ASCII));
            byte[] hll = new byte[in.readInt()];
            in.readFully(hll);
            distinct = HllSketch.heapify(hll);
            texts = new HashMap<>();
            int t = in.readInt();
            for (int k = 0; k < t; k++) {
                long h = in.readLong();
                byte[] v = new byte[in.readInt()];
                in.readFully(v);
                texts.put(h, v);
            }
        }
        int n = in.readInt();
        for (int k = 0; k < n; k++) {
            long h = in.readLong();
            long h2 = in.readLong();
            long c = in.readLong();
            int type = in.readByte();
            int length = in.readInt();
            byte[] v = length < 0 ? null : new byte[length];
            if (v != null) {
                in.readFully(v);
            }
            add(h, h2, v, 0, length, c, type);
        }
    }
}
