package io.ringsift.generate;

import com.google.common.io.CountingOutputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import io.ringsift.io.AtomicFiles;
import java.util.SplittableRandom;

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
        return AtomicFiles.write(target, "", out -> write(format, spec, out));
    }
}
