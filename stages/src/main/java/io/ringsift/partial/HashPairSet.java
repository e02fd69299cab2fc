package io.ringsift.partial;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A set of 128-bit key hashes (two longs each): open addressing, linear probing, both halves side
 * by side in one {@code long[]} so a probe touches one cache line. The pair (0, 0) marks an empty
 * slot and is kept in a flag of its own.
 *
 * <p>Hand-written because exact counting keeps one entry per distinct key: a {@code HashSet} of
 * boxed pairs costs ~80 bytes an entry against 16 / load here, and the libraries allowed in this
 * project (Guava, DataSketches) have no primitive set. JMH {@code ExactSetBench} prices it.
 *
 * <p>An optional memory limit: {@link #insert} answers {@link #FULL} instead of growing past it,
 * and the set stays as it is (still answering {@link #contains} for what it holds). Not
 * thread-safe for writes; concurrent reads of a set nobody writes any more are safe once
 * published.
 */
public final class HashPairSet {
    public static final int ADDED = 1;
    public static final int PRESENT = 0;
    public static final int FULL = -1;

    /** Linear probing stays short up to about 0.7: ~1.8 probes for a hit, ~6 for a miss (Knuth). */
    private static final double MAX_LOAD = 0.7;
    private static final int MIN_CAPACITY = 16;

    /** Tables at least this big are allocated beside the set's thread ({@link #reserveAhead}). */
    static final long BACKGROUND_BYTES = 32L << 20;
    /** While a table is {@linkplain #reserveAhead allocated beside}, doubling goes on up to this fraction of it. */
    static final int PENDING_RATIO = 16;

    private final long maxBytes;
    private long[] slots;
    private int capacity;
    private int mask;
    /** The most pairs the table holds before it grows: capacity x {@link #MAX_LOAD}. */
    private int threshold;
    private int size;
    private boolean hasZero;
    /** A table being allocated by {@link #reserveAhead}, and its capacity; null when none. */
    private CompletableFuture<long[]> pending;
    private int pendingCapacity;

    public HashPairSet() {
        this(1024);
    }

    public HashPairSet(int expected) {
        this(expected, Long.MAX_VALUE);
    }

    /**
     * @param expected keys to hold without growing
     * @param maxBytes the table never grows past this many bytes (16 per slot)
     */
    public HashPairSet(int expected, long maxBytes) {
        if (maxBytes < 0) {
            throw new IllegalArgumentException("Memory limit (" + maxBytes + " bytes) must be >= 0");
        }
        this.maxBytes = maxBytes;
        int cap = Integer.highestOneBit((int) Math.min(1 << 29, Math.max(MIN_CAPACITY, (long) (expected / MAX_LOAD)))) * 2;
        while (cap > MIN_CAPACITY && bytesFor(cap) > maxBytes) {
            cap >>= 1;
        }
        allocate(cap);
    }

    /** True when the next new pair would be answered {@link #FULL}: the table is full and may not grow. */
    public boolean atLimit() {
        return full() && (capacity >= (1 << 29) || bytesFor(capacity * 2) > maxBytes);
    }

    /** True when the next new pair makes the table grow (or, at its memory limit, answer {@link #FULL}). */
    public boolean full() {
        return size + 1 > threshold;
    }

    /**
     * Grows the table at once to hold {@code keys} pairs (as far as the memory limit allows), where
     * doubling would have taken several steps: each step allocates a fresh table twice the size,
     * and on a big set the memory first touched by those steps (zeroed by the JVM and the kernel)
     * cost more than the inserts (docs/benchmarks.md, "Exact sets grown to their forecast").
     * Does nothing when the table is that big already.
     */
    public void reserve(long keys) {
        int target = capacityFor(keys);
        if (target > capacity) {
            rehashInto(target);
        }
    }

    /**
     * As {@link #reserve}, but a table of {@link #BACKGROUND_BYTES} or more is allocated on a thread
     * of its own while this one goes on. Its first touch (the JVM zeroing a fresh array, the kernel
     * faulting its pages in) took 60-570 ms for 256 MiB on the 2-core VM: a stall in which the handler
     * stopped, and the reader with it once the ring was full (docs/benchmarks.md, "Exact sets
     * allocated beside the handler"). Until that table is ready the set grows as before, by doubling
     * (small tables); the first growth after it is ready moves the pairs into it, and a growth that
     * would double past 1/{@value #PENDING_RATIO} of it waits for it instead.
     *
     * <p>A thread zeroing an array does not stop for a safepoint, so a garbage collection asked for
     * meanwhile holds every thread until it is done: the marking cycle G1 starts when this table
     * takes the heap past 45% did, in two runs of twelve, for 277-374 ms. {@code bin/ringsift} sets
     * that threshold to 80%; with {@code java -jar} the stall can still happen. A table cut into
     * 8 MiB segments avoided it, but the extra load a probe cost the handler's key work 30 ns a row
     * (HandlerCpu), more than the stalls it saved.
     */
    public void reserveAhead(long keys) {
        int target = capacityFor(keys);
        if (pending != null || target <= capacity) {
            return;
        }
        if (bytesFor(target) < BACKGROUND_BYTES || target <= 2 * capacity) {
            reserve(keys);
            return;
        }
        CompletableFuture<long[]> table = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                table.complete(new long[target * 2]);
            } catch (Throwable e) {   // out of memory: the set goes on doubling, and fails there as it would have
                table.completeExceptionally(e);
            }
        }, "ringsift-exact-set");
        t.setDaemon(true);
        t.start();
        pending = table;
        pendingCapacity = target;
    }

    /** The capacity {@link #reserve} grows to for {@code keys} pairs, within the memory limit. */
    private int capacityFor(long keys) {
        int target = capacity;
        while (target < (1 << 29) && keys > target * MAX_LOAD && bytesFor(target * 2) <= maxBytes) {
            target *= 2;
        }
        return target;
    }

    /** Adds the pair; returns true when it was not yet present. Grows without limit. */
    public boolean add(long lo, long hi) {
        int r = insert(lo, hi);
        if (r == FULL) {
            throw new IllegalStateException("HashPairSet is at its limit of " + maxBytes + " bytes");
        }
        return r == ADDED;
    }

    /** {@link #ADDED}, {@link #PRESENT}, or {@link #FULL} when adding would pass the memory limit (nothing changes). */
    public int insert(long lo, long hi) {
        if (lo == 0 && hi == 0) {
            if (hasZero) {
                return PRESENT;
            }
            hasZero = true;
            size++;
            return ADDED;
        }
        int i = slot(lo, hi);
        while (true) {
            long l = slots[i];
            long h = slots[i + 1];
            if (l == lo && h == hi) {
                return PRESENT;
            }
            if (l == 0 && h == 0) {
                break;
            }
            i = (i + 2) & mask;
        }
        if (size + 1 > threshold) {
            if (capacity >= (1 << 29) || bytesFor(capacity * 2) > maxBytes) {
                return FULL;
            }
            grow();
            return insert(lo, hi);
        }
        slots[i] = lo;
        slots[i + 1] = hi;
        size++;
        return ADDED;
    }

    /**
     * Loads the slot where a probe for this pair starts, and changes nothing: called for a batch of
     * pairs before they are inserted, it lets the CPU wait for all their cache (and TLB) misses at
     * once instead of one insert at a time, when the table is far bigger than the caches.
     */
    public void touch(long lo, long hi) {
        touched ^= slots[slot(lo, hi)];
    }

    /** What {@link #touch} loaded, kept only so that the compiler cannot drop the loads. */
    private long touched;

    public boolean contains(long lo, long hi) {
        if (lo == 0 && hi == 0) {
            return hasZero;
        }
        int i = slot(lo, hi);
        while (true) {
            long l = slots[i];
            long h = slots[i + 1];
            if (l == lo && h == hi) {
                return true;
            }
            if (l == 0 && h == 0) {
                return false;
            }
            i = (i + 2) & mask;
        }
    }

    public void addAll(HashPairSet other) {
        other.forEach(this::add);
    }

    public int size() {
        return size;
    }

    /** Receives the pairs of {@link #forEach}. */
    @FunctionalInterface
    public interface PairConsumer {
        void accept(long lo, long hi);
    }

    /**
     * The pairs of part {@code part} of {@code parts} (slices of the table; the zero pair is in part
     * 0): the parts together give every pair once, for threads that each take one.
     */
    public void forEach(int part, int parts, PairConsumer action) {
        if (part == 0 && hasZero) {
            action.accept(0, 0);
        }
        int slotsTotal = slots.length / 2;
        int from = (int) ((long) slotsTotal * part / parts) * 2;
        int to = (int) ((long) slotsTotal * (part + 1) / parts) * 2;
        long[] t = slots;
        for (int i = from; i < to; i += 2) {
            if (t[i] != 0 || t[i + 1] != 0) {
                action.accept(t[i], t[i + 1]);
            }
        }
    }

    /** Every pair, in table order. */
    public void forEach(PairConsumer action) {
        forEach(0, 1, action);
    }

    /** Bytes the table takes now. */
    public long bytes() {
        return bytesFor(capacity);
    }

    private static long bytesFor(int capacity) {
        return 16L * capacity;
    }

    private int slot(long lo, long hi) {
        // the inputs are already murmur3 output: any bits are uniform, so fold rather than rehash
        return ((int) (lo ^ (hi >>> 32)) << 1) & mask;
    }

    private void allocate(int cap) {
        use(new long[cap * 2]);
    }

    private void use(long[] table) {
        capacity = table.length / 2;
        threshold = (int) (capacity * MAX_LOAD);
        slots = table;
        mask = table.length - 1;
    }

    private void grow() {
        if (pending != null && (pending.isDone() || capacity * 2 * PENDING_RATIO > pendingCapacity)) {
            long[] table = takePending();
            if (table != null) {
                moveInto(table);
                return;
            }
        }
        rehashInto(capacity * 2);
    }

    /** The table {@link #reserveAhead} allocated, waiting for it if need be; null when it could not be. */
    private long[] takePending() {
        CompletableFuture<long[]> p = pending;
        pending = null;
        try {
            return p.join();
        } catch (CompletionException | CancellationException e) {
            return null;
        }
    }

    private void rehashInto(int newCapacity) {
        moveInto(new long[newCapacity * 2]);
    }

    /** Moves every pair into {@code table}, a zeroed array of an even, power-of-two length, which becomes the set's. */
    private void moveInto(long[] table) {
        long[] old = slots;
        use(table);
        for (int i = 0; i < old.length; i += 2) {
            long lo = old[i];
            long hi = old[i + 1];
            if (lo != 0 || hi != 0) {
                int j = slot(lo, hi);
                while (slots[j] != 0 || slots[j + 1] != 0) {
                    j = (j + 2) & mask;
                }
                slots[j] = lo;
                slots[j + 1] = hi;
            }
        }
    }

    @Override
    public String toString() {
        return "HashPairSet[" + size + " pairs, " + bytes() + " bytes]";
    }

    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(size);
        forEach((lo, hi) -> {
            try {
                out.writeLong(lo);
                out.writeLong(hi);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /**
     * Adds the pairs {@link #writeTo} wrote. Returns false when this set's memory limit could not
     * hold them all (the rest are read and dropped), e.g. a checkpoint resumed with a smaller heap.
     */
    public boolean readFrom(DataInput in) throws IOException {
        int n = in.readInt();
        boolean all = true;
        for (int i = 0; i < n; i++) {
            all &= insert(in.readLong(), in.readLong()) != FULL;
        }
        return all;
    }
}
