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
     * Defaults for this box: a third of the cores read (at least one), the rest hash (at least
     * one). With the column statistics on the readers, the exact sets sized in one step and a
     * batch's slots loaded together, one handler keeps up with one reader on the 2-core bench
     * machine, and a third thread only shared the two cores: 1 reader + 1 handler ran the 1M-row
     * file in 1.81-1.97 s against 2.07-2.36 s for 1 + 2, and the 10M-row file with {@code --stats
     * none} in 3.95-4.08 s against 4.20-4.92 s (alternating, docs/benchmarks.md, "Thread layout,
     * again"). {@code bench/run.sh --readers --handlers} measures a bigger machine's own layout.
     */
    public static EngineSettings defaults(int cores) {
        int readers = Math.max(1, cores / 3);
        int handlers = Math.max(1, cores - readers);
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
