package io.ringsift.testing;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Asserts that no engine thread survives a run. {@code RunEngine.run} halts the Disruptor but does
 * not join its handler threads, so they may still be finishing for a moment after a command returns;
 * this waits up to 10 s for them before failing.
 */
public final class NoThreadsLeft {
    private NoThreadsLeft() {
    }

    public static void check() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!Cli.liveRingsiftThreads().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertThat(Cli.liveRingsiftThreads()).as("ringsift threads still alive").isEmpty();
    }
}
