package io.ringsift.spark;

import io.ringsift.record.Reject;
import io.ringsift.record.RejectSink;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Rejects on a cluster: each map task writes its chunk's rejects to {@code rejects/part-NNNNN.csv}
 * (the columns of rejects.csv, {@code source,line,reason,raw,id}, without a header line), under a
 * temp name renamed when the chunk is read. A retried or speculative attempt rewrites the same
 * part with the same rows, so nothing is counted or written twice. The driver joins small parts
 * into one {@code rejects.csv} with its header.
 */
final class RejectParts {
    static final String DIR = "rejects";
    static final String[] HEADER = {"source", "line", "reason", "raw", "id"};
    /** Parts are joined into rejects.csv up to this many bytes in all; past it they stay parts only. */
    static final long MERGE_LIMIT = 256L << 20;

    private RejectParts() {
    }

    static String partName(int chunk) {
        return String.format("part-%05d.csv", chunk);
    }

    /** A task's reject sink; {@link #finish} renames the part into place (or writes nothing when no row was rejected). */
    static final class Writer implements RejectSink, AutoCloseable {
        private final FileSystem fs;
        private final Path tmp;
        private final Path target;
        private final String source;
        private OutputStream file;
        private CSVPrinter printer;

        Writer(FileSystem fs, Path outDir, int chunk, String source, long attempt) {
            this.fs = fs;
            Path dir = new Path(outDir, DIR);
            this.target = new Path(dir, partName(chunk));
            this.tmp = new Path(dir, "." + partName(chunk) + ".attempt-" + attempt + ".tmp");
            this.source = source;
        }

        @Override
        public void reject(Reject r) {
            try {
                if (printer == null) {
                    file = fs.create(tmp, true);
                    printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(file, StandardCharsets.UTF_8)), CSVFormat.RFC4180);
                }
                // the source as the user named it (the stages' name is a java.nio rendering of the path)
                printer.printRecord(source, r.line() > 0 ? r.line() : "", r.reason(), r.raw() == null ? "" : r.raw(),
                        r.id() == null ? "" : r.id());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + tmp + ": " + e.getMessage(), e);
            }
        }

        void finish() throws IOException {
            if (printer == null) {
                fs.delete(target, false);   // an earlier attempt's part, if any, had the same rows: none
                return;
            }
            printer.close(true);
            printer = null;
            fs.delete(target, false);
            if (!fs.rename(tmp, target)) {
                throw new IOException("cannot rename " + tmp + " to " + target);
            }
        }

        @Override
        public void close() {
            try {
                if (printer != null) {
                    printer.close(true);
                    fs.delete(tmp, false);
                }
            } catch (IOException ignored) {
                // the task is failing already; its temp part is removed by the driver at the end
            }
        }
    }

    /**
     * Removes temp parts of failed attempts; when the parts hold at most {@link #MERGE_LIMIT} bytes,
     * writes {@code rejects.csv} (header, then the parts in chunk order) atomically. Returns it, or null.
     */
    static Path merge(FileSystem fs, Path outDir, long rejected) throws IOException {
        Path dir = new Path(outDir, DIR);
        if (!fs.exists(dir)) {
            return null;
        }
        FileStatus[] all = fs.listStatus(dir);
        long bytes = 0;
        for (FileStatus s : all) {
            if (s.getPath().getName().startsWith(".")) {
                fs.delete(s.getPath(), false);
            } else {
                bytes += s.getLen();
            }
        }
        FileStatus[] parts = Arrays.stream(all).filter(s -> s.getPath().getName().startsWith("part-"))
                .sorted(Comparator.comparing(s -> s.getPath().getName())).toArray(FileStatus[]::new);
        if (rejected == 0 || parts.length == 0 || bytes > MERGE_LIMIT) {
            return null;
        }
        Path target = new Path(outDir, "rejects.csv");
        Path tmp = new Path(outDir, ".rejects.csv.tmp");
        try (FSDataOutputStream out = fs.create(tmp, true)) {
            CSVPrinter header = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), CSVFormat.RFC4180);
            header.printRecord((Object[]) HEADER);
            header.flush();
            for (FileStatus p : parts) {
                try (InputStream in = fs.open(p.getPath())) {
                    in.transferTo(out);
                }
            }
            out.hsync();
        }
        fs.delete(target, false);
        if (!fs.rename(tmp, target)) {
            throw new IOException("cannot rename " + tmp + " to " + target);
        }
        return target;
    }
}
