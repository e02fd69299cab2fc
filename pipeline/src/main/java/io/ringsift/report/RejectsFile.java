package io.ringsift.report;

import io.ringsift.io.AtomicFiles;
import io.ringsift.record.Reject;
import io.ringsift.record.RejectSink;
import io.ringsift.engine.RunControl;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * rejects.csv: one row per rejected record ({@code source,line,reason,raw,id}: the four columns the
 * CSV path promised, then the document {@code _id} for Mongo rejects). Shared by all
 * readers; rejects are rare, so a lock here costs nothing on the hot path. The file is written
 * under a temp name carrying the run id and renamed by {@link #finish(boolean)}; it exists only
 * when something was rejected. Past {@code maxRejects} the run is asked to stop (exit code 4).
 *
 * <p>With a checkpoint the rejects are written to the checkpoint's own file instead
 * ({@code DIR/rejects.work.csv}), which outlives any stop: {@link #finish(boolean)} copies it to
 * rejects.csv and leaves it in place, and only the checkpoint's finish removes it. So however the
 * run ends (interrupt, kill -9 during the reduce or the filter write), {@code --resume} finds the
 * rejects the journal counts (ResumeAfterInterruptWithRejectsTest). {@link #flushedLength()}
 * forces them to disk before the journal that counts them is written.
 *
 * <p>A write that fails (disk full) closes and deletes the temp file at once (a checkpoint's file
 * is cut back to what the journal counts), so the space comes back and nothing half-written stays
 * behind; the failure names the file, and every later reject fails the same way.
 */
public final class RejectsFile implements RejectSink, AutoCloseable {
    private final RejectTally tally = new RejectTally();
    public static final String NAME = "rejects.csv";

    private final Path target;
    private final Path tmp;
    /** True when {@link #tmp} is a checkpoint's rejects file, which stays until the checkpoint finishes. */
    private final boolean kept;
    private final long maxRejects;
    private final RunControl control;
    private final AtomicLong count = new AtomicLong();
    private FileChannel channel;
    private OutputStream file;
    /** Bytes of {@link #tmp} forced to disk for a journal (a failure cuts the file back to them). */
    private long synced;
    private CSVPrinter printer;
    private boolean closed;
    private IOException failure;

    /**
     * @param dir        where rejects.csv goes, or null to count rejects without writing them
     * @param maxRejects stop the run when more than this many records are rejected; negative = no limit
     */
    public RejectsFile(Path dir, long maxRejects, RunControl control) {
        this(dir, null, maxRejects, control);
    }

    /**
     * @param work a checkpoint's rejects file, kept across runs until the checkpoint finishes, or
     *             null for a temp file beside rejects.csv
     */
    public RejectsFile(Path dir, Path work, long maxRejects, RunControl control) {
        this.target = dir == null ? null : dir.resolve(NAME);
        this.kept = work != null;
        this.tmp = kept ? work : target == null ? null : target.resolveSibling(AtomicFiles.tempName(target));
        this.maxRejects = maxRejects;
        this.control = control;
    }

    @Override
    public synchronized void reject(Reject r) {
        if (failure != null) {
            throw new UncheckedIOException(failure.getMessage(), failure);
        }
        tally.add(r);
        if (target == null) {   // count only: check without --out
            countAndCheck();
            return;
        }
        try {
            if (printer == null) {
                open(false);
                printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8)), CSVFormat.RFC4180.builder().setHeader("source", "line", "reason", "raw", "id").get());
            }
            if (printer != null) {
                printer.printRecord(r.source(), r.line() > 0 ? r.line() : "", r.reason(), r.raw() == null ? "" : r.raw(), r.id() == null ? "" : r.id());
            }
        } catch (IOException e) {
            failed(e);
            throw new UncheckedIOException(failure.getMessage(), failure);
        }
        countAndCheck();
    }

    private void countAndCheck() {
        if (count.incrementAndGet() > maxRejects && maxRejects >= 0) {
            control.requestStop(RunControl.StopReason.TOO_MANY_REJECTS);
        }
    }

    /** The rejects of this process by reason. */
    public synchronized RejectTally tally() {
        return tally;
    }

    public long count() {
        return count.get();
    }

    /** The file rejects are written to before {@link #finish(boolean)}. */
    public Path workPath() {
        return tmp;
    }

    /**
     * For a checkpoint: flushes what has been written, forces it to disk (the journal that counts
     * these rejects is written next: after a power cut they must be there) and returns its length,
     * so a resumed run can cut away rejects of units that were not finished.
     */
    public synchronized long flushedLength() throws IOException {
        if (printer == null) {
            return 0;
        }
        try {
            printer.flush();
            channel.force(false);
            synced = channel.size();
        } catch (IOException e) {
            failed(e);
            throw failure;
        }
        return synced;
    }

    private void open(boolean append) throws IOException {
        channel = append ? FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.APPEND)
                : FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        file = Channels.newOutputStream(channel);
    }

    /**
     * Resumes from a checkpoint: keeps the first {@code length} bytes of the previous run's
     * rejects (written by units that finished) and carries on after them.
     */
    public synchronized void resume(long length, long rejects) throws IOException {
        if (length == 0) {
            Files.deleteIfExists(tmp);
            return;
        }
        if (!Files.exists(tmp) || Files.size(tmp) < length) {
            throw new IOException("cannot resume: " + tmp + " is missing or shorter than the checkpoint recorded (" + length + " bytes)");
        }
        try (var ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.truncate(length);
        }
        synced = length;
        open(true);
        printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8)), CSVFormat.RFC4180);
        count.set(rejects);
    }

    /** Closes the file and renames it into place; with {@code keep == false} (or no rejects) removes it. */
    public synchronized Path finish(boolean keep) throws IOException {
        if (failure != null) {
            return null;   // the run already failed with this error (a reader called reject); the temp file is gone
        }
        try {
            close();
        } catch (IOException e) {
            failed(e);
            throw failure;
        }
        if (printer == null) {
            if (target != null) {
                Files.deleteIfExists(target);
            }
            return null;
        }
        if (!keep) {
            if (!kept) {
                Files.deleteIfExists(tmp);
            }
            return null;
        }
        if (kept) {
            AtomicFiles.write(target, out -> Files.copy(tmp, out));   // the checkpoint keeps its copy until it finishes
        } else {
            AtomicFiles.moveInto(tmp, target);
        }
        return target;
    }

    @Override
    public synchronized void close() throws IOException {
        if (printer != null && !closed) {
            closed = true;
            try {
                printer.close(true);
            } finally {
                file.close();   // a failed flush in printer.close skips closing the file; closing twice is harmless
            }
        }
    }

    /** Records the first write failure, naming the file, and frees what the temp file holds. */
    private void failed(IOException e) {
        failure = new IOException("cannot write " + target + ": " + e.getMessage(), e);
        closed = true;
        try {
            if (file != null) {
                // not printer.close(): when the writer's encoder still holds bytes it throws before
                // closing the file, and a deleted file that is still open keeps its space
                file.close();
            }
        } catch (IOException | RuntimeException ignored) {
            // closing a file stream does not write; nothing else to do
        }
        try {
            if (kept) {
                try (var ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                    ch.truncate(synced);   // what the journal counts stays for --resume
                }
            } else {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException ignored) {
            // nothing more we can do; the run fails with the first error anyway
        }
    }
}
