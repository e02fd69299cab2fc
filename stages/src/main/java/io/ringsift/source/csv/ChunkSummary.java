package io.ringsift.source.csv;

import java.io.Serializable;
import java.util.Arrays;

/**
 * What one chunk of a CSV file says about record boundaries, whatever state the framer is in at its first
 * byte: a pure function of the chunk's bytes, so chunks can be summarised in parallel (threads here, Spark
 * tasks later) and {@link QuoteParityResolver} picks the true story of each chunk in one short pass.
 *
 * <p>The framer's state machine ({@link RecordFramer}) has seven states that matter between two bytes:
 * between records, field start, unquoted, quoted, quote seen, after the closing quote, bad record. For each
 * of them as the entry state this records
 * <ul>
 *   <li>the offset (in the chunk) of the first record start at or after the chunk's first byte, or -1;</li>
 *   <li>how many physical lines end before it;</li>
 *   <li>the state after the chunk's last byte.</li>
 * </ul>
 * Line ends do not depend on the state (every CR, and every LF not right after a CR, ends a physical line,
 * quoted or not, as {@code RecordFramer} counts them), so the chunk's line count is one figure; only a CR LF
 * split across two chunks needs the first and last byte ({@link #startsWithLf}, {@link #endsWithCr}).
 *
 * <p>Cost: the seven runs share their work. A run that reaches a record start another run already passed
 * through is from there on the same run (both sit at a field start at the same byte), so it stops. On real
 * files the wrong guesses join the right one within a record or two (a wrong "inside quotes" guess meets
 * a closing quote followed by a plain byte and turns into a bad record that ends at the next line end); a
 * chunk costs about one pass at eight bytes a step. Worst case (input built so the guesses never meet) it is
 * seven passes; the answer is exact either way.
 *
 * <p>Summaries of adjacent pieces compose ({@link #then}), so a chunk is summarised from buffers of any size
 * and the same code summarises a Spark partition.
 */
public final class ChunkSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Number of entry states; state {@link #BETWEEN} is the state at the start of a file. */
    public static final int STATES = 7;
    static final int BETWEEN = 0;
    static final int FIELD_START = 1;
    static final int UNQUOTED = 2;
    static final int QUOTED = 3;
    static final int QUOTE_SEEN = 4;
    static final int AFTER_QUOTE = 5;
    static final int BAD = 6;

    private final long length;
    private final long lines;
    private final boolean startsWithLf;
    private final boolean endsWithCr;
    private final long[] firstStart;
    private final long[] linesBefore;
    private final byte[] exit;

    private ChunkSummary(long length, long lines, boolean startsWithLf, boolean endsWithCr, long[] firstStart, long[] linesBefore,
                         byte[] exit) {
        this.length = length;
        this.lines = lines;
        this.startsWithLf = startsWithLf;
        this.endsWithCr = endsWithCr;
        this.firstStart = firstStart;
        this.linesBefore = linesBefore;
        this.exit = exit;
    }

    /**
     * Summarises {@code b[off .. off+len)}.
     *
     * @param fileStart the piece begins at file offset 0: a UTF-8 byte order mark there is skipped, as the
     *                  framer skips it (so such a piece must hold the file's first three bytes, or the whole file)
     */
    public static ChunkSummary of(byte[] b, int off, int len, boolean fileStart, CsvDialect dialect) {
        if (len < 1 || off < 0 || off + len > b.length) {
            throw new IllegalArgumentException("Chunk [" + off + ", " + off + len + ") must be non-empty and inside the array of "
                    + b.length + " bytes");
        }
        final int end = off + len;
        int begin = off;
        if (fileStart && len >= 3 && (b[off] & 0xFF) == 0xEF && (b[off + 1] & 0xFF) == 0xBB && (b[off + 2] & 0xFF) == 0xBF) {
            begin += 3;
        }
        long[] first = new long[STATES];
        byte[] exit = new byte[STATES];
        int[][] starts = new int[STATES][];   // every record start of a run that never met an earlier one, ascending
        int[] counts = new int[STATES];
        Lane lane = new Lane(dialect);
        for (int s = 0; s < STATES; s++) {
            lane.state = s;
            int r = lane.nextStart(b, begin, end);
            first[s] = r < end ? r - off : -1;
            int joined = -1;
            int[] mine = new int[16];
            int n = 0;
            while (r < end && joined < 0) {
                for (int t = 0; t < s && joined < 0; t++) {
                    if (starts[t] != null && Arrays.binarySearch(starts[t], 0, counts[t], r) >= 0) {
                        joined = t;
                    }
                }
                if (joined < 0) {
                    if (n == mine.length) {
                        mine = Arrays.copyOf(mine, n * 2);
                    }
                    mine[n++] = r;
                    r = lane.nextStart(b, r, end);
                }
            }
            if (joined >= 0) {
                exit[s] = exit[joined];
            } else {
                exit[s] = (byte) lane.state;
                starts[s] = mine;
                counts[s] = n;
            }
        }
        return new ChunkSummary(len, Swar.lineEnds(b, off, end, false), b[off] == '\n', b[end - 1] == '\r', first,
                linesBefore(b, off, first), exit);
    }

    /** Line ends in {@code b[off .. off+first[s])} for each state's first record start, in one pass over the distinct starts. */
    private static long[] linesBefore(byte[] b, int off, long[] first) {
        long[] sorted = Arrays.stream(first).filter(f -> f >= 0).sorted().distinct().toArray();
        long[] at = new long[sorted.length];
        long count = 0;
        int from = off;
        for (int i = 0; i < sorted.length; i++) {
            int to = off + (int) sorted[i];
            count += Swar.lineEnds(b, from, to, from > off && b[from - 1] == '\r');
            at[i] = count;
            from = to;
        }
        long[] before = new long[STATES];
        for (int s = 0; s < STATES; s++) {
            before[s] = first[s] < 0 ? 0 : at[Arrays.binarySearch(sorted, first[s])];
        }
        return before;
    }

    /** The summary of this piece followed directly by {@code next}: state after this piece feeds the next one. */
    public ChunkSummary then(ChunkSummary next) {
        long crlf = endsWithCr && next.startsWithLf ? 1 : 0;   // that LF is the second half of this piece's last line end
        long[] first = new long[STATES];
        long[] before = new long[STATES];
        byte[] out = new byte[STATES];
        for (int s = 0; s < STATES; s++) {
            int mid = exit[s];
            out[s] = next.exit[mid];
            if (firstStart[s] >= 0) {
                first[s] = firstStart[s];
                before[s] = linesBefore[s];
            } else if (next.firstStart[mid] >= 0) {
                first[s] = length + next.firstStart[mid];
                before[s] = lines + next.linesBefore[mid] - crlf;
            } else {
                first[s] = -1;
            }
        }
        return new ChunkSummary(length + next.length, lines + next.lines - crlf, startsWithLf, next.endsWithCr, first, before, out);
    }

    /** Bytes summarised. */
    public long length() {
        return length;
    }

    /** Physical line ends in the chunk, an LF at its first byte included. */
    public long lines() {
        return lines;
    }

    public boolean startsWithLf() {
        return startsWithLf;
    }

    public boolean endsWithCr() {
        return endsWithCr;
    }

    /** Offset in the chunk of the first record start when the chunk is entered in {@code state}; -1 if none starts in it. */
    public long firstStart(int state) {
        return firstStart[state];
    }

    /** Line ends in the chunk before {@link #firstStart}, an LF at its first byte included. */
    public long linesBefore(int state) {
        return linesBefore[state];
    }

    /** The state after the chunk's last byte when it is entered in {@code state}. */
    public int exit(int state) {
        return exit[state];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChunkSummary c && length == c.length && lines == c.lines && startsWithLf == c.startsWithLf
                && endsWithCr == c.endsWithCr && Arrays.equals(firstStart, c.firstStart) && Arrays.equals(linesBefore, c.linesBefore)
                && Arrays.equals(exit, c.exit);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(length) * 31 + Arrays.hashCode(firstStart) * 17 + Arrays.hashCode(exit);
    }

    @Override
    public String toString() {
        return "ChunkSummary[length=" + length + ", lines=" + lines + ", lf=" + startsWithLf + ", cr=" + endsWithCr + ", first="
                + Arrays.toString(firstStart) + ", linesBefore=" + Arrays.toString(linesBefore) + ", exit=" + Arrays.toString(exit) + "]";
    }

    /**
     * The framer's state machine reduced to record starts: no fields, no line numbers (those do not depend on
     * the state). Transitions are {@code RecordFramer}'s and {@code BoundaryScanner}'s.
     */
    private static final class Lane {
        private final byte d;
        private final int q;
        private final long delimiters;
        private final long quotes;
        int state;

        Lane(CsvDialect dialect) {
            d = dialect.delimiterByte();
            q = dialect.quoteCode();
            delimiters = Swar.broadcast(d);
            quotes = Swar.broadcast(dialect.quoteSearchByte());
        }

        /**
         * Runs from {@code p} to the next record start and returns it, leaving the state at field start so the
         * next call reads that record; returns {@code end} (state kept) when no record starts before it.
         */
        int nextStart(byte[] b, int p, int end) {
            int s = state;
            while (p < end) {
                byte c = b[p];
                switch (s) {
                    case BETWEEN:
                        if (c != '\n' && c != '\r') {
                            state = FIELD_START;
                            return p;
                        }
                        break;
                    case FIELD_START:
                        if (c == q) {
                            s = QUOTED;
                        } else if (c == '\n' || c == '\r') {
                            s = BETWEEN;
                        } else if (c != d) {
                            s = UNQUOTED;
                        }
                        break;
                    case UNQUOTED:
                        p = Swar.skipTo3(b, p, end, delimiters);
                        if (p == end) {
                            continue;
                        }
                        s = b[p] == d ? FIELD_START : BETWEEN;
                        break;
                    case QUOTED:
                        p = Swar.skipTo1(b, p, end, quotes);   // line breaks inside quotes are data
                        if (p == end) {
                            continue;
                        }
                        s = QUOTE_SEEN;
                        break;
                    case QUOTE_SEEN:
                        if (c == q) {
                            s = QUOTED;
                        } else if (c == d) {
                            s = FIELD_START;
                        } else if (c == '\n' || c == '\r') {
                            s = BETWEEN;
                        } else {
                            s = c == ' ' || c == '\t' ? AFTER_QUOTE : BAD;
                        }
                        break;
                    case AFTER_QUOTE:
                        if (c == d) {
                            s = FIELD_START;
                        } else if (c == '\n' || c == '\r') {
                            s = BETWEEN;
                        } else if (c != ' ' && c != '\t') {
                            s = BAD;
                        }
                        break;
                    default: // BAD: the record ends at the next line end, quotes or not
                        p = Swar.skipTo3(b, p, end, Swar.LFS);
                        if (p == end) {
                            continue;
                        }
                        s = BETWEEN;
                        break;
                }
                p++;
            }
            state = s;
            return end;
        }
    }
}
