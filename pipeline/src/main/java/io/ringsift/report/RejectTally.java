package io.ringsift.report;

import io.ringsift.record.Reject;
import io.ringsift.source.csv.RecordFramer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rejects counted by reason, for the summary and report.json's {@code rejectReasons}: a user reads
 * "127 rejected" and needs to know why without opening rejects.csv. A reason's details after its
 * first ": " (line counts, values) are left out, so like rejects add up. Also counts the quote
 * rejects that span lines, and the lines they hold: on a file whose quotes are text, not field
 * enclosures, a few such rejects can hold thousands of lines.
 */
public final class RejectTally {
    /** Distinct reasons kept; the rest are counted under {@link #OTHER}. */
    static final int MAX_REASONS = 50;
    static final String OTHER = "other reasons";

    private static final Comparator<Reject> EARLIEST = Comparator.comparing(Reject::source).thenComparingLong(Reject::line);

    private final Map<String, Long> byReason = new HashMap<>();
    private long counted;
    private long quoteSpans;
    private long quoteSpanLines;
    private Reject firstQuoteSpan;

    /** Not thread-safe: the rejects file calls it under its own lock. */
    public void add(Reject r) {
        counted++;
        String reason = r.reason() == null ? "unknown" : r.reason();
        int colon = reason.indexOf(": ");
        String kind = colon > 0 ? reason.substring(0, colon) : reason;
        if (byReason.size() >= MAX_REASONS && !byReason.containsKey(kind)) {
            kind = OTHER;
        }
        byReason.merge(kind, 1L, Long::sum);
        long lines = RecordFramer.spannedLines(reason);   // more than 1 only for a quote problem (problemReason)
        if (lines > 1) {
            quoteSpans++;
            quoteSpanLines += lines;
            // the earliest by source and line, not by arrival: readers run in parallel
            if (firstQuoteSpan == null || EARLIEST.compare(r, firstQuoteSpan) < 0) {
                firstQuoteSpan = r;
            }
        }
    }

    /** Rejects counted here (in this process: a resumed run's earlier rejects are not). */
    public long counted() {
        return counted;
    }

    /** Reasons, most frequent first (ties by reason). */
    public List<Report.RejectReason> reasons() {
        List<Report.RejectReason> out = new ArrayList<>();
        byReason.forEach((k, v) -> out.add(new Report.RejectReason(k, v)));
        out.sort(Comparator.comparingLong(Report.RejectReason::count).reversed().thenComparing(Report.RejectReason::reason));
        return out;
    }

    /** The warning a run with quote rejects that span lines gets, or nothing. */
    public List<String> warnings() {
        if (quoteSpans == 0) {
            return List.of();
        }
        return List.of(String.format(Locale.ROOT, "%,d rejected record%s with a quote problem hold%s %,d lines (the earliest at %s line %,d):"
                        + " a quote opened a field that ran past its line; if quotes in this input are not field enclosures,"
                        + " run again with --quote none", quoteSpans, quoteSpans == 1 ? "" : "s", quoteSpans == 1 ? "s" : "", quoteSpanLines,
                firstQuoteSpan.source(), firstQuoteSpan.line()));
    }
}
