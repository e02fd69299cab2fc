package io.ringsift.source.csv;

import java.util.ArrayList;
import java.util.List;

/**
 * The prefix pass over {@link ChunkSummary}s: the file starts between records at line 1, each chunk's
 * summary says what the state is after it for the state it was entered in, so one walk over the summaries
 * (no bytes) picks each chunk's true entry state, its first record start and that record's exact physical
 * line. A pure function: summaries in, record starts out, usable where the summaries were made by other
 * threads or machines.
 */
public final class QuoteParityResolver {
    /**
     * The first record that starts in chunk {@code chunk} (at or after its first byte).
     *
     * @param offset file offset of the record's first byte
     * @param line   physical line (1-based) the record starts on
     */
    public record Start(int chunk, long offset, long line) {}

    private QuoteParityResolver() {
    }

    /**
     * @param chunks summaries of consecutive pieces covering a file from offset 0, in file order
     * @return for each chunk after the first in which a record starts, its first record start; chunks
     *         that lie wholly inside one record (a long quoted field) have none
     */
    public static List<Start> recordStarts(List<ChunkSummary> chunks) {
        List<Start> starts = new ArrayList<>();
        int state = ChunkSummary.BETWEEN;
        long offset = 0;
        long line = 1;
        boolean crBefore = false;
        for (int k = 0; k < chunks.size(); k++) {
            ChunkSummary c = chunks.get(k);
            long crlf = crBefore && c.startsWithLf() ? 1 : 0;   // that LF completes the previous chunk's last line end
            if (k > 0 && c.firstStart(state) >= 0) {
                starts.add(new Start(k, offset + c.firstStart(state), line + c.linesBefore(state) - crlf));
            }
            line += c.lines() - crlf;
            offset += c.length();
            state = c.exit(state);
            crBefore = c.endsWithCr();
        }
        return starts;
    }
}
