package io.ringsift.engine;


/**
 * Thread and ring sizes of a run.
 *
 * @param readers   reader threads (parse + key hash)
 * @param handlers  hasher threads (one key partition each)
 * @param batchSize rows per ring slot
 * @param ringSize  slots in the ring (a power of two)
 * @param waitKind  how handlers wait for slots
 */
public record EngineSettings(int readers, int handlers, int batchSize, int ringSize, WaitKind waitKind) {
    public static final int DEFAULT_BATCH = 1024;
    public static final int DEFAULT_RING = 64;
    /** An input under this many bytes is "small": one handler and a {@link #SMALL_RING}-slot ring ({@link #fitTo}). */
    public static final long SMALL_INPUT = 16L << 20;
    public static final int SMALL_RING = 8;

    public EngineSettings {
        if (readers < 1 || readers > 1024) {
            throw new IllegalArgumentException("Readers (" + readers + ") must be between 1 and 1024");
        }
        if (handlers < 1 || handlers > 1024) {
            throw new IllegalArgumentException("Handlers (" + handlers + ") must be between 1 and 1024");
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("Batch size (" + batchSize + ") must be >= 1");
        }
        if (ringSize < 2 || Integer.bitCount(ringSize) != 1) {
            throw new IllegalArgumentException("Ring size (" + ringSize + ") must be a power of two >= 2");
        }
    }

    /**
     * Defaults for this box: a third of the cores read (at least one), the rest hash, and at least
     * two handlers where there are two cores. A row costs a handler about twice what it costs a
     * reader (the Bloom filter, the exact set and the field statistics against framing and the key
     * hash), so on the 2-core bench machine 1 reader + 2 handlers ran the 10M-row file in 24.5 and
     * 22.1 s against 31.6 and 25.6 s for 1 + 1 (alternating, docs/benchmarks.md, "Thread layout");
     * with {@code --stats none} the two were level. A third thread on two cores costs little: the
     * handlers block, not spin, when the ring is empty. {@code bench/run.sh --readers --handlers}
     * measures a bigger machine's own layout.
     */
    public static EngineSettings defaults(int cores) {
        int readers = Math.max(1, cores / 3);
        int handlers = Math.max(Math.min(2, cores), cores - readers);
        return new EngineSettings(readers, handlers, DEFAULT_BATCH, DEFAULT_RING, WaitKind.BLOCKING);
    }

    /**
     * The most readers, and the most handlers, a run uses on {@code cores} cores: 4 per core, at
     * least 4. Past that threads only compete: 1024 + 1024 threads on 120k rows took 500 s on the
     * 2-core box, 1 + 1024 took 2.5 s (issue 11).
     */
    public static int maxThreads(int cores) {
        return Math.max(4, 4 * cores);
    }

    /**
     * These settings sized to a planned input: never more readers than units (a reader without a unit
     * only starts and stops); an input under {@link #SMALL_INPUT} bytes (about 110k rows of 146 bytes)
     * gets one handler and a {@link #SMALL_RING}-slot ring, since one reader cannot keep more busy
     * and each extra handler is one more thread to start that scans every slot. Results do not depend
     * on the thread counts (the partials hold disjoint keys). docs/benchmarks.md, "Threads".
     */
    public EngineSettings fitTo(int units, long inputBytes) {
        boolean small = inputBytes < SMALL_INPUT;
        return new EngineSettings(Math.max(1, Math.min(readers, units)), small ? 1 : handlers, batchSize,
                small ? Math.min(ringSize, SMALL_RING) : ringSize, waitKind);
    }

    public EngineSettings with(Integer readers, Integer handlers) {
        return new EngineSettings(readers != null ? readers : this.readers, handlers != null ? handlers : this.handlers,
                batchSize, ringSize, waitKind);
    }
}
