package io.ringsift.record;

import java.util.Arrays;

/**
 * A reusable batch of parsed records: the unit that travels through the ring.
 *
 * <p>A batch is filled by one reader thread, then swapped into a ring slot (not copied); every
 * handler reads it, each taking only the rows of its own key partition. Arrays are allocated once
 * at construction and reused for the life of the run.
 *
 * <p>Ownership: while a reader fills a batch nobody else sees it; once published it belongs to the
 * ring until the slot is claimed again. Handlers may read it only inside {@code onEvent} and must
 * not keep a reference to the batch or to any row after returning. The only field handlers
 * write is {@link #seen}, and each row's entry is written by the one handler that owns the row.
 */
public final class RecordBatch<R> {
    private final int capacity;
    private int size;

    /** Index of the work unit (file, byte range, _id range) every row of this batch came from. */
    private int unitId;

    /** Field bytes of the batch's {@link ByteRow}s, one after another; reused from batch to batch. */
    private byte[] arena = new byte[1 << 16];
    private int arenaLength;
    /** End offset in {@link #arena} of each field added, in order. */
    private int[] fieldEnds = new int[1 << 12];
    private int fieldCount;

    /** Columns whose statistics the handlers keep for this batch's rows ({@link HandedColumns}). */
    private HandedColumns handed = HandedColumns.NONE;

    /** Input bytes consumed while this batch was filled, for progress figures. */
    private long inputBytes;

    /** Low and high 64 bits of the 128-bit murmur3 hash of each row's canonical key. */
    public final long[] hashLo;
    public final long[] hashHi;
    /** Physical line (CSV) or ordinal within the unit (documents) where each record starts. */
    public final long[] line;
    /**
     * The parsed rows, all of the source's one row type {@code R}: a {@link ByteRow} over this
     * batch's arena (CSV, either parser), the raw BSON of a document (a collection, JSON Lines),
     * or null when no stage reads it. Only {@link #add} writes it, so {@link #row} needs no check.
     */
    private final Object[] rows;
    /** The record's raw bytes, kept only when a stage needs them (check output). */
    public final byte[][] raw;
    /** Set by the owning handler: true when the key was probably seen before (check / dedup). */
    public final boolean[] seen;
    /** Whether row {@code r} is all ASCII, as its reader found when it copied the handed values. */
    private final boolean[] asciiRows;

    public RecordBatch(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("Batch capacity (" + capacity + ") must be >= 1");
        }
        this.capacity = capacity;
        this.hashLo = new long[capacity];
        this.hashHi = new long[capacity];
        this.line = new long[capacity];
        this.rows = new Object[capacity];
        this.raw = new byte[capacity][];
        this.seen = new boolean[capacity];
        this.asciiRows = new boolean[capacity];
    }

    /**
     * Appends a record; returns true when the batch is now full and should be published.
     * {@code rawBytes} may be null when no stage asked for raw records.
     */
    public boolean add(long lo, long hi, long lineNo, R row, byte[] rawBytes) {
        int i = size++;
        hashLo[i] = lo;
        hashHi[i] = hi;
        line[i] = lineNo;
        rows[i] = row;
        raw[i] = rawBytes;
        seen[i] = false;
        return size == capacity;
    }

    /**
     * Row {@code i}, or null when no stage asked for rows. A {@link ByteRow} reads this batch's
     * arena: valid until the batch is reset; do not keep a reference.
     */
    @SuppressWarnings("unchecked")   // rows holds only what add(R) put there
    public R row(int i) {
        return (R) rows[i];
    }

    /** Empties the batch for reuse and tags it with the unit its next rows come from. */
    public void reset(int unit) {
        // drop row references so a slot never pins a finished unit's objects
        Arrays.fill(rows, 0, size, null);
        Arrays.fill(raw, 0, size, null);
        size = 0;
        unitId = unit;
        inputBytes = 0;
        arenaLength = 0;
        fieldCount = 0;
        handed = HandedColumns.NONE;
    }

    /**
     * Stamps this batch, before its first row, with the columns handed to the handlers: each row
     * added then carries their values ({@link #addHandedValue}), in the stamp's order.
     */
    public void handOver(HandedColumns columns) {
        handed = columns;
    }

    public HandedColumns handed() {
        return handed;
    }

    /** Adds the current row's value of the next handed column (the stamp's order). */
    public void addHandedValue(byte[] src, int off, int len) {
        addField(src, off, len);
    }

    /** Says whether the current row (the one being added) is all ASCII, for its handed values. */
    public void markAscii(boolean ascii) {
        asciiRows[size] = ascii;
    }

    /** Feeds handed column {@code j}'s value of every row, in row order, to its sink. */
    public void feedHanded(int j) {
        int k = handed.count();
        ValueSink sink = handed.sink(j);
        byte[] a = arena;
        int[] ends = fieldEnds;
        boolean[] ascii = asciiRows;
        for (int r = 0, f = j; r < size; r++, f += k) {
            sink.accept(a, f == 0 ? 0 : ends[f - 1], ends[f], ascii[r]);
        }
    }

    /**
     * Copies one field of the row being built into the arena. Call for every field, then
     * {@link #endRow(int, int)} with what {@link #fieldMark()} and {@link #arenaMark()} said before
     * the first one.
     */
    public void addField(byte[] src, int off, int len) {
        if (arenaLength + len > arena.length) {
            // the old array stays as it is, so ByteRows made before this still read their bytes
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaLength + len));
        }
        System.arraycopy(src, off, arena, arenaLength, len);
        arenaLength += len;
        if (fieldCount == fieldEnds.length) {
            fieldEnds = Arrays.copyOf(fieldEnds, fieldCount * 2);
        }
        fieldEnds[fieldCount++] = arenaLength;
    }

    /**
     * Copies one field given as a string (Commons CSV's values) into the arena as UTF-8, without a
     * byte[] per value, so both parsers' rows are byte slices. An unpaired surrogate, which valid
     * UTF-8 input cannot produce, becomes '?' as in {@code String.getBytes}.
     */
    public void addField(String v) {
        int len = v.length();
        if (len * 3 > scratch.length) {
            scratch = new byte[Math.max(len * 3, scratch.length * 2)];
        }
        byte[] b = scratch;
        int n = 0;
        for (int i = 0; i < len; i++) {
            char c = v.charAt(i);
            if (c < 0x80) {
                b[n++] = (byte) c;
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | c >> 6);
                b[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < len && Character.isLowSurrogate(v.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, v.charAt(++i));
                b[n++] = (byte) (0xF0 | cp >> 18);
                b[n++] = (byte) (0x80 | cp >> 12 & 0x3F);
                b[n++] = (byte) (0x80 | cp >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                b[n++] = '?';
            } else {
                b[n++] = (byte) (0xE0 | c >> 12);
                b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | c & 0x3F);
            }
        }
        addField(b, 0, n);
    }

    private byte[] scratch = new byte[256];

    public int fieldMark() {
        return fieldCount;
    }

    public int arenaMark() {
        return arenaLength;
    }

    /** The row whose fields were added since the marks. */
    public ByteRow endRow(int fieldMark, int arenaMark) {
        return new ByteRow(arena, fieldEnds, fieldMark, fieldCount - fieldMark, arenaMark);
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public void addInputBytes(long n) {
        inputBytes += n;
    }

    public long inputBytes() {
        return inputBytes;
    }

    public int unitId() {
        return unitId;
    }
}
