package io.ringsift.cli;

import io.ringsift.engine.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress display on stderr, redrawn once a second with a carriage return: rows, MB,
 * rows/s, and when the total is known a percentage and an ETA (bytes read of the inputs' stored
 * size; documents of a collection's estimated count). A stream (standard input) has no total, so
 * it shows counts only. Small enough not to need a library (me.tongfei:progressbar draws bars for
 * a known total; half our inputs have none).
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
            err.print("\r" + line(p.records(), p.bytes(), p.totalBytes(), p.totalRecords(), p.elapsedNanos()) + "   ");
            err.flush();
        }
    }

    /** The text of the line; a percentage and ETA only where a total is known. */
    static String line(long records, long bytes, long totalBytes, long totalRecords, long elapsedNanos) {
        double s = Math.max(elapsedNanos, 1) / 1e9;
        StringBuilder sb = new StringBuilder();
        double done = -1;
        if (totalBytes > 0) {
            done = Math.min(1, (double) bytes / totalBytes);
            sb.append(String.format(Locale.ROOT, "%3.0f%% of %s  ", done * 100, megabytes(totalBytes)));
        } else if (totalRecords > 0) {
            done = Math.min(1, (double) records / totalRecords);
            sb.append(String.format(Locale.ROOT, "%3.0f%% of ~%,d (estimated count)  ", done * 100, totalRecords));
        }
        sb.append(String.format(Locale.ROOT, "%,d rows", records));
        if (bytes > 0) {
            sb.append("  ").append(megabytes(bytes));
        }
        sb.append(String.format(Locale.ROOT, "  %,.0f rows/s", records / s));
        if (done > 0.001 && done < 1) {
            long eta = Math.round(s / done - s);
            sb.append(String.format(Locale.ROOT, "  ETA %d:%02d", eta / 60, eta % 60));
        }
        return sb.toString();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%,.1f MB", bytes / 1e6);
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
