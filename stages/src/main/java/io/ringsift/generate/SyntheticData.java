package io.ringsift.generate;

import com.google.common.io.CountingOutputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Synthetic CSV or JSONL with a known duplicate rate, for tests, demos and benchmarks. Streams row by
 * row (memory does not grow with {@code rows}) and returns exact counts.
 *
 * <p>Deterministic: key choices and field values come from two {@link SplittableRandom} streams
 * derived from {@code seed}, so a seed gives byte-identical output; and because keys have their own
 * stream, the same seed gives the same key sequence (and counts) in CSV and JSONL whatever the
 * column count.
 */
public final class SyntheticData {
    private SyntheticData() {
    }

    /** Writes to {@code out} (UTF-8), flushes it, and leaves it open. */
    public static GeneratorResult write(GeneratorFormat format, GeneratorSpec spec, OutputStream out) throws IOException {
        CountingOutputStream counting = new CountingOutputStream(out);
        Writer writer = new BufferedWriter(new OutputStreamWriter(counting, StandardCharsets.UTF_8), 1 << 16);
        SplittableRandom keysRandom = new SplittableRandom(spec.seed());
        KeySequence keys = new KeySequence(keysRandom.nextLong(), spec.dupRate());
        SplittableRandom valuesRandom = keysRandom.split();
        switch (format) {
            case CSV -> CsvGenerator.write(spec, keys, valuesRandom, writer);
            case JSONL -> JsonlGenerator.write(spec, keys, valuesRandom, writer);
            default -> throw new IllegalArgumentException("Unknown format " + format);
        }
        writer.flush();
        return new GeneratorResult(keys.rows(), keys.distinctKeys(), keys.duplicateRows(), counting.getCount());
    }

    /**
     * Writes {@code target} via a temp file in the same directory renamed into place, so a failed or
     * interrupted run never leaves a file that looks complete.
     */
    public static GeneratorResult write(GeneratorFormat format, GeneratorSpec spec, Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path tmp = null;
        try {
            // not Files.createTempFile: its owner-only permissions would pass to the output on rename
            tmp = absolute.resolveSibling("." + absolute.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            GeneratorResult result;
            try (OutputStream out = new BufferedOutputStream(
                    Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16)) {
                result = write(format, spec, out);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
            return result;
        } catch (IOException | RuntimeException | Error e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            if (e instanceof IOException) {
                throw new IOException("Cannot write " + target + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }
}
