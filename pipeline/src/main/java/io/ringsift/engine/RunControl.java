package io.ringsift.engine;

import java.util.concurrent.atomic.AtomicReference;

/**
 * Shared run state every thread checks: the stop request and the first failure. Only the first
 * failure is kept: later ones are usually consequences of it.
 */
public final class RunControl {
    /** Why a run stopped before reading all its input. */
    public enum StopReason { FAILED, INTERRUPTED, TOO_MANY_REJECTS }

    private final AtomicReference<RunFailure> failure = new AtomicReference<>();
    private final AtomicReference<StopReason> stop = new AtomicReference<>();
    private final Progress progress = new Progress();

    public void fail(RunFailure f) {
        failure.compareAndSet(null, f);
        stop.compareAndSet(null, StopReason.FAILED);
    }

    public void requestStop(StopReason reason) {
        stop.compareAndSet(null, reason);
    }

    public boolean stopRequested() {
        return stop.get() != null;
    }

    public StopReason stopReason() {
        return stop.get();
    }

    public boolean failed() {
        return failure.get() != null;
    }

    public RunFailure failure() {
        return failure.get();
    }

    public Progress progress() {
        return progress;
    }
}
