package io.ringsift.cli;

import io.ringsift.engine.RunControl;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C / SIGTERM: ask the run to stop, then hold the JVM open until the job has drained the ring
 * and written its incomplete report (at most {@link #GRACE_SECONDS}), so an interrupted run leaves
 * an honest report instead of nothing.
 */
final class Interrupts implements AutoCloseable {
    static final int GRACE_SECONDS = 30;

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    Interrupts(RunControl control) {
        hook = new Thread(() -> {
            control.requestStop(RunControl.StopReason.INTERRUPTED);
            try {
                finished.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "ringsift-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook is running and has just been released
        }
    }
}
