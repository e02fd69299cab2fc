package io.ringsift.source.csv;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds where records start, for cutting a large file into byte ranges, without framing fields.
 *
 * <p>It runs the same state machine as {@link RecordFramer} (field start, unquoted, quoted, quote
 * seen, after the closing quote, bad record; CR LF, LF and lone CR line ends; blank lines skipped;
 * a BOM at offset 0) but keeps no field offsets and no record buffer, so it only decides record
 * boundaries and counts physical lines. It was the planner's sequential pass over a split file
 * until issue 12 replaced it with parallel chunk summaries ({@link ChunkSummary}); it stays here as
 * the sequential reference they are tested against ({@code ChunkSummaryTest}).
 */
final class BoundaryScanner {
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_SEEN = 3;
    private static final int AFTER_QUOTE = 4;
    private static final int BAD = 5;
    /** Between records: the next byte that is not a line end starts one. */
    private static final int BETWEEN = 6;

    /** A record start chosen as a cut: its file offset and physical line. */
    record Cut(long offset, long line) {}

    private BoundaryScanner() {
    }

    /** The first record start at or after each multiple of {@code step} (excluding 0). */
    static List<Cut> cuts(InputStream in, long size, long step, CsvDialect dialect) throws IOException {
        final byte d = dialect.delimiterByte();
        final int q = dialect.quoteCode();
        List<Cut> cuts = new ArrayList<>();
        long target = step;
        byte[] b = new byte[1 << 20];
        long base = 0;
        long line = 1;
        int state = BETWEEN;
        byte prev = 0;
        boolean first = true;
        int n;
        while ((n = in.readNBytes(b, 0, b.length)) > 0) {
            int p = 0;
            if (first) {
                first = false;
                if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
                    p = 3;
                }
            }
            while (p < n) {
                byte c = b[p];
                switch (state) {
                    case BETWEEN:
                        if (c == '\n') {
                            if (prev != '\r') {
                                line++;
                            }
                            break;
                        }
                        if (c == '\r') {
                            line++;
                            break;
                        }
                        // a record starts here
                        if (base + p >= target) {
                            cuts.add(new Cut(base + p, line));
                            target = base + p + step;
                        }
                        state = FIELD_START;
                        continue; // re-read this byte as the record's first
                    case FIELD_START:
                        if (c == q) {
                            state = QUOTED;
                        } else if (c == '\n' || c == '\r') {
                            line++;
                            state = BETWEEN;
                        } else if (c != d) {
                            state = UNQUOTED;
                        }
                        break;
                    case UNQUOTED:
                        while (p < n && (c = b[p]) != d && c != '\n' && c != '\r') {
                            p++;
                        }
                        if (p == n) {
                            prev = b[n - 1];
                            continue;
                        }
                        if (c == d) {
                            state = FIELD_START;
                        } else {
                            line++;
                            state = BETWEEN;
                        }
                        break;
                    case QUOTED:
                        while (p < n && (c = b[p]) != q && c != '\n' && c != '\r') {
                            p++;
                        }
                        if (p == n) {
                            prev = b[n - 1];
                            continue;
                        }
                        if (c == q) {
                            state = QUOTE_SEEN;
                        } else if (c == '\r' || (p > 0 ? b[p - 1] : prev) != '\r') {
                            line++; // a line break inside quotes is data, but still a physical line
                        }
                        break;
                    case QUOTE_SEEN:
                        if (c == q) {
                            state = QUOTED;
                        } else if (c == d) {
                            state = FIELD_START;
                        } else if (c == '\n' || c == '\r') {
                            line++;
                            state = BETWEEN;
                        } else {
                            state = c == ' ' || c == '\t' ? AFTER_QUOTE : BAD;
                        }
                        break;
                    case AFTER_QUOTE:
                        if (c == d) {
                            state = FIELD_START;
                        } else if (c == '\n' || c == '\r') {
                            line++;
                            state = BETWEEN;
                        } else if (c != ' ' && c != '\t') {
                            state = BAD;
                        }
                        break;
                    default: // BAD: the record ends at the next line end, quotes or not
                        if (c == '\n' || c == '\r') {
                            line++;
                            state = BETWEEN;
                        }
                        break;
                }
                prev = c;
                p++;
            }
            base += n;
        }
        if (base != size) {
            throw new IOException("file changed while planning: expected " + size + " bytes, read " + base);
        }
        return cuts;
    }
}
