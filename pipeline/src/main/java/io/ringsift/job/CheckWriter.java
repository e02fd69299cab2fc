package io.ringsift.job;

import com.lmax.disruptor.EventHandler;
import io.ringsift.engine.RingEvent;
import io.ringsift.record.RecordBatch;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The sequential stage after the hashers in a check: writes each row's raw bytes to the "new" or
 * "seen" part file of its unit. It runs after every hasher has marked the batch, and a unit's
 * batches reach the ring in the order its one reader read them, so each part file keeps the input
 * order. The job concatenates the parts in unit order once the run is complete.
 *
 * <p>Part files are opened per batch in append mode rather than kept open: a run over 10,000
 * files would otherwise hold 20,000 descriptors.
 */
public final class CheckWriter implements EventHandler<RingEvent<?>> {
    private final Path newParts;
    private final Path newTarget;
    private final Path seenParts;
    private final Path seenTarget;

    /**
     * @param newParts  directory for "new" parts, or null when not wanted; likewise {@code seenParts}
     * @param newTarget the {@code --new} file the parts become, named when a write fails; likewise {@code seenTarget}
     */
    public CheckWriter(Path newParts, Path newTarget, Path seenParts, Path seenTarget) {
        this.newParts = newParts;
        this.newTarget = newTarget;
        this.seenParts = seenParts;
        this.seenTarget = seenTarget;
    }

    /** The part file of {@code unit} under {@code dir}. */
    public static Path part(Path dir, int unit) {
        return dir.resolve(String.format("part-%08d", unit));
    }

    @Override
    public void onEvent(RingEvent<?> event, long sequence, boolean endOfBatch) throws IOException {
        RecordBatch<?> b = event.batch();
        if (newParts != null) {
            write(b, newParts, newTarget, false);
        }
        if (seenParts != null) {
            write(b, seenParts, seenTarget, true);
        }
    }

    /** A failed write names the output the user asked for, not the handler (DiskFullInCheckNamedTheHandlerTest). */
    private static void write(RecordBatch<?> b, Path dir, Path target, boolean seen) throws IOException {
        try {
            write(b, dir, seen);
        } catch (IOException e) {
            throw new IOException("cannot write " + (seen ? "--seen " : "--new ") + target + " (part file " + part(dir, b.unitId())
                    + "): " + e.getMessage(), e);
        }
    }

    private static void write(RecordBatch<?> b, Path dir, boolean seen) throws IOException {
        OutputStream out = null;
        try {
            for (int r = 0, n = b.size(); r < n; r++) {
                if (b.seen[r] == seen) {
                    if (out == null) {
                        out = new BufferedOutputStream(Files.newOutputStream(part(dir, b.unitId()),
                                StandardOpenOption.CREATE, StandardOpenOption.APPEND), 1 << 16);
                    }
                    out.write(b.raw[r]);
                }
            }
        } finally {
            if (out != null) {
                out.close();
            }
        }
    }
}
