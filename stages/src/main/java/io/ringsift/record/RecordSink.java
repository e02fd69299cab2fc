package io.ringsift.record;

/**
 * Where one reader thread puts its records: a batch it fills, then hands on whole.
 * Not thread-safe: each reader owns its own sink.
 */
public interface RecordSink<R> {

    /** The batch being filled; valid until the next {@link #publish()}. */
    RecordBatch<R> batch();

    /** Hands the current batch (if not empty) to the next stage and starts an empty one for {@code unit}. */
    void publish(int unit);

    /** How busy the stage after this sink is, for handing it work; null when there is no such stage to ask (Spark, tests). */
    default HandlerLoad handlerLoad() {
        return null;
    }

    /** Nanoseconds spent so far waiting for room to publish (the stage after is the slower). */
    default long waitedNanos() {
        return 0;
    }

    /** True once the run has been asked to stop (failure elsewhere, interrupt); readers should return. */
    boolean stopRequested();
}
