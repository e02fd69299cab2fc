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
     * Defaults for this box: half the cores read, the other half hash, at least one of each. Not
     * more threads than cores: on the 2-core bench machine, 1 reader + 1 handler ran a 1M-row file
     * in 1.85 s (median of 4 alternating runs) against 2.18 s for 2 + 1 and 2.40 s for 2 + 2
     * (docs/benchmarks.md).
     */
    public static EngineSettings defaults(int cores) {
        int readers = Math.max(1, cores / 2);
        int handlers = Math.max(1, cores - readers);
        return new EngineSettings(readers, handlers, DEFAULT_BATCH, DEFAULT_RING, WaitKind.BLOCKING);
    }

    public EngineSettings with(Integer readers, Integer handlers) {
        return new EngineSettings(readers != null ? readers : this.readers, handlers != null ? handlers : this.handlers,
                batchSize, ringSize, waitKind);
    }
}
