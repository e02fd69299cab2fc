package io.ringsift.source.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Estimates how many records a set of CSV files holds from windows spread evenly over all their
 * bytes, not from the first megabyte: a file whose first rows are long and the rest short (or
 * the reverse) is then sized right. Each window after a file's start is entered at the next line
 * end (a quoted newline can mislead that by one record, which a mean over many records absorbs);
 * only records that end inside the window count.
 */
public final class RecordSizeSampler {
    /** Windows over all files together. */
    static final int WINDOWS = 32;
    static final int WINDOW_BYTES = 64 * 1024;

    private RecordSizeSampler() {
    }

    /** Estimated records in {@code files}, at least 1; the mean record size comes from the sampled windows. */
    public static long estimateRecords(List<CsvFile> files, CsvDialect dialect) throws IOException {
        long total = files.stream().mapToLong(CsvFile::size).sum();
        if (total == 0) {
            return 1;
        }
        long records = 0;
        long bytes = 0;
        int windows = (int) Math.min(WINDOWS, Math.max(1, total / WINDOW_BYTES));
        long stride = total / windows;
        for (int w = 0; w < windows; w++) {
            long at = w * stride;
            for (CsvFile f : files) {
                if (at < f.size()) {
                    long[] counted = sample(f.path(), at, Math.min(WINDOW_BYTES, f.size() - at), dialect);
                    records += counted[0];
                    bytes += counted[1];
                    break;
                }
                at -= f.size();
            }
        }
        if (records == 0) {
            // no record ends inside any window: records are longer than a window
            return Math.max(1, total / WINDOW_BYTES);
        }
        return Math.max(1, Math.round((double) total * records / bytes));
    }

    /** Records that end inside [at, at + length) and the bytes they take. */
    private static long[] sample(Path file, long at, long length, CsvDialect dialect) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            InputStream in = Channels.newInputStream(ch.position(at));
            long start = at;
            long window = length;
            if (at > 0) {
                long skipped = skipLine(in, window);
                start += skipped;
                window -= skipped;
            }
            if (window <= 0) {
                return new long[] {0, 0};
            }
            RecordFramer framer = new RecordFramer(in, window, start == 0 ? 0 : Math.max(1, start), 1, dialect);
            long records = 0;
            long end = start;
            while (framer.next()) {
                long recordEnd = framer.recordOffset() + framer.recordLength();
                if (recordEnd >= start + window) {
                    break; // may be cut by the window: not a whole record
                }
                records++;
                end = recordEnd;
            }
            return new long[] {records, end - start};
        }
    }

    private static long skipLine(InputStream in, long max) throws IOException {
        long n = 0;
        int b;
        while (n < max && (b = in.read()) >= 0) {
            n++;
            if (b == '\n') {
                break;
            }
        }
        return n;
    }
}
