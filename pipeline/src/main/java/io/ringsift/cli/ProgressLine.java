package io.ringsift.cli;

import io.ringsift.engine.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress display on stderr (rows, MB, rows/s), redrawn once a second with a carriage
 * return. Ten lines of code, so not worth a library (me.tongfei:progressbar draws bars for a known
 * total, and a streaming job has none).
 */
final class ProgressLine implements AutoCloseable {
    private final Thread thread;
    private final PrintWriter err;
    private volatile boolean done;

    ProgressLine(Progress progress, PrintWriter err, boolean enabled) {
        this.err = err;
        this.thread = enabled ? new Thread(() -> loop(progress), "ringsift-progress") : null;
        if (thread != null) {
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void loop(Progress p) {
        while (!done) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
            double s = p.elapsedNanos() / 1e9;
            err.print(String.format(Locale.ROOT, "\r%,d rows  %,.1f MB  %,.0f rows/s   ", p.records(), p.bytes() / 1e6, p.records() / s));
            err.flush();
        }
    }

    @Override
    public void close() {
        if (thread != null) {
            done = true;
            thread.interrupt();
            try {
                thread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            err.print("\r\033[K");
            err.flush();
        }
    }
}
