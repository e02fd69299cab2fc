package io.ringsift.partial;


/**
 * A set of 128-bit key hashes (two longs each), open addressing with linear probing.
 *
 * <p>Hand-written because exact mode keeps one entry per Bloom candidate and a {@code HashSet} of
 * boxed pairs costs ~80 bytes an entry against 16 here; the libraries allowed in this project
 * (Guava, DataSketches) have no primitive set. Not thread-safe for writes; concurrent reads of a
 * set that is no longer written to are safe once it has been published (e.g. by starting the
 * threads that read it).
 */
public final class HashPairSet {
    private static final double MAX_LOAD = 0.6;

    private long[] slots;
    private boolean[] used;
    private int size;
    private int mask;

    public HashPairSet() {
        this(1024);
    }

    public HashPairSet(int expected) {
        int cap = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 29, expected / MAX_LOAD)) * 2 - 1);
        slots = new long[cap * 2];
        used = new boolean[cap];
        mask = cap - 1;
    }

    /** Adds the pair; returns true when it was not yet present. */
    public boolean add(long lo, long hi) {
        if (size + 1 > used.length * MAX_LOAD) {
            grow();
        }
        int i = index(lo, hi);
        while (used[i]) {
            if (slots[2 * i] == lo && slots[2 * i + 1] == hi) {
                return false;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        slots[2 * i] = lo;
        slots[2 * i + 1] = hi;
        size++;
        return true;
    }

    public boolean contains(long lo, long hi) {
        int i = index(lo, hi);
        while (used[i]) {
            if (slots[2 * i] == lo && slots[2 * i + 1] == hi) {
                return true;
            }
            i = (i + 1) & mask;
        }
        return false;
    }

    public void addAll(HashPairSet other) {
        for (int i = 0; i < other.used.length; i++) {
            if (other.used[i]) {
                add(other.slots[2 * i], other.slots[2 * i + 1]);
            }
        }
    }

    public int size() {
        return size;
    }

    private int index(long lo, long hi) {
        // the inputs are already murmur3 output: any bits are uniform, so fold rather than rehash
        return (int) (lo ^ (hi >>> 32)) & mask;
    }

    private void grow() {
        long[] oldSlots = slots;
        boolean[] oldUsed = used;
        int cap = used.length * 2;
        slots = new long[cap * 2];
        used = new boolean[cap];
        mask = cap - 1;
        size = 0;
        for (int i = 0; i < oldUsed.length; i++) {
            if (oldUsed[i]) {
                add(oldSlots[2 * i], oldSlots[2 * i + 1]);
            }
        }
    }

    @Override
    public String toString() {
        return "HashPairSet[" + size + " pairs]";
    }

    public void writeTo(java.io.DataOutput out) throws java.io.IOException {
        out.writeInt(size);
        for (int i = 0; i < used.length; i++) {
            if (used[i]) {
                out.writeLong(slots[2 * i]);
                out.writeLong(slots[2 * i + 1]);
            }
        }
    }

    public void readFrom(java.io.DataInput in) throws java.io.IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            add(in.readLong(), in.readLong());
        }
    }
}
