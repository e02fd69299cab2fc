package io.ringsift.partial;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;

/**
 * Time the JIT has spent compiling so far, for telling warm-up from a steady run. Loaded only
 * when a run is long enough to balance its columns, so short runs do not pay for the management
 * classes.
 */
final class JitClock {
    private static final CompilationMXBean JIT = ManagementFactory.getCompilationMXBean();
    private static final boolean TIMED = JIT != null && JIT.isCompilationTimeMonitoringSupported();

    private JitClock() {}

    /** Milliseconds of compilation so far; 0 always when the JVM does not say (then only the pace tells). */
    static long millis() {
        return TIMED ? JIT.getTotalCompilationTime() : 0;
    }
}
