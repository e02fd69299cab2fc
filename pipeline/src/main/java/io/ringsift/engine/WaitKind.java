package io.ringsift.engine;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.BusySpinWaitStrategy;
import com.lmax.disruptor.SleepingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;

/**
 * How handlers wait for the next slot ({@code --wait}). Blocking is the default: this tool usually
 * runs more threads than the box has cores, and a spinning handler would steal a core from the
 * readers that feed it.
 */
public enum WaitKind {
    BLOCKING, SLEEPING, YIELDING, BUSY_SPIN;

    public WaitStrategy strategy() {
        return switch (this) {
            case BLOCKING -> new BlockingWaitStrategy();
            case SLEEPING -> new SleepingWaitStrategy();
            case YIELDING -> new YieldingWaitStrategy();
            case BUSY_SPIN -> new BusySpinWaitStrategy();
        };
    }
}
