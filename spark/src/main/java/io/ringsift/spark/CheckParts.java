package io.ringsift.spark;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * A check's {@code --new} and {@code --seen} rows on a cluster: each map task writes its unit's rows,
 * byte for byte and in input order, to {@code DIR/.check-new/part-NNNNNNNN} (and
 * {@code .check-seen}), under a temp name renamed when the unit is read, as rejects parts are: a
 * retried attempt rewrites the same part with the same rows. Once the run is complete the driver
 * writes the target: the first file's header, then the parts in unit order (files in argument
 * order, chunks in offset order), which is the local check's output byte for byte.
 */
final class CheckParts {
    static final String NEW_DIR = ".check-new";
    static final String SEEN_DIR = ".check-seen";

    private CheckParts() {
    }

    static String partName(int unit) {
        return String.format("part-%08d", unit);
    }

    /** One unit's rows of one kind; nothing is written for a unit without such rows. */
    static final class Writer implements AutoCloseable {
        private final FileSystem fs;
        private final Path tmp;
        private final Path target;
        private OutputStream out;

        Writer(FileSystem fs, Path dir, int unit, long attempt) {
            this.fs = fs;
            this.target = new Path(dir, partName(unit));
            this.tmp = new Path(dir, "." + partName(unit) + ".attempt-" + attempt + ".tmp");
        }

        void write(byte[] raw) throws IOException {
            if (out == null) {
                out = new BufferedOutputStream(fs.create(tmp, true), 1 << 16);
            }
            out.write(raw);
        }

        void finish() throws IOException {
            fs.delete(target, false);   // an earlier attempt's part had the same rows
            if (out == null) {
                return;
            }
            out.close();
            out = null;
            if (!fs.rename(tmp, target)) {
                throw new IOException("cannot rename " + tmp + " to " + target);
            }
        }

        @Override
        public void close() {
            if (out != null) {
                try {
                    out.close();
                    fs.delete(tmp, false);
                } catch (IOException ignored) {
                    // the task is failing already; the driver removes the parts directory at the end
                }
            }
        }
    }

    /** Writes {@code target} atomically: {@code header}, then the parts of {@code dir} in unit order. */
    static void assemble(FileSystem fs, Path dir, byte[] header, Path target) throws IOException {
        FileStatus[] parts = fs.exists(dir) ? fs.listStatus(dir, p -> p.getName().startsWith("part-")) : new FileStatus[0];
        Arrays.sort(parts, Comparator.comparing(s -> s.getPath().getName()));
        SparkIngest.writeAtomically(fs, target, out -> {
            out.write(header);
            for (FileStatus p : parts) {
                try (InputStream in = fs.open(p.getPath())) {
                    in.transferTo(out);
                }
            }
        });
    }
}
