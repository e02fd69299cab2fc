package io.ringsift.source.csv;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Guesses the delimiter of a CSV input from its first {@link #SNIFF_BYTES}, as DuckDB's
 * {@code read_csv} and Python's {@code csv.Sniffer} do: each candidate ({@code ,} {@code ;} TAB
 * {@code |}) frames the sample with the real framer (so a delimiter inside quotes does not count),
 * and the candidate whose records all have the same number of fields, more than one, wins. Ties go
 * to more fields, then to the order above. A file with one column is comma-separated.
 */
public final class DialectSniffer {
    public static final int SNIFF_BYTES = 64 * 1024;
    static final char[] CANDIDATES = {',', ';', '\t', '|'};

    /**
     * What one candidate makes of the sample.
     *
     * @param records   records framed (the last one left out when the sample was cut inside it)
     * @param fields    the most common field count
     * @param agreeing  records with that count
     */
    public record Candidate(char delimiter, int records, int fields, int agreeing) {
        /** Every record has the same number of fields, more than one. */
        boolean consistent() {
            return records > 0 && fields > 1 && agreeing == records;
        }

        double share() {
            return records == 0 ? 0 : (double) agreeing / records;
        }
    }

    /** The choice and the evidence for it, for the message. */
    public record Result(char delimiter, Candidate chosen) {
        /** No candidate splits the records: one column (or an empty input). */
        public boolean oneColumn() {
            return chosen == null || chosen.fields() <= 1;
        }

        public String describe() {
            if (oneColumn()) {
                return "one column (no , ; tab or | splits the records alike), read as comma-separated";
            }
            String every = chosen.consistent() ? "every one" : chosen.agreeing() + "";
            return "delimiter " + CsvDialect.name(delimiter) + " (" + chosen.fields() + " fields in " + every + " of the first "
                    + chosen.records() + " records)";
        }
    }

    private DialectSniffer() {
    }

    /**
     * @param sample    the input's first bytes, decoded to UTF-8
     * @param whole     true when the sample is the whole input (its last record is complete)
     * @param base      quote character and limits to frame with
     */
    public static Result sniff(byte[] sample, boolean whole, CsvDialect base) {
        int n = Math.min(sample.length, SNIFF_BYTES);
        boolean cut = !whole || n < sample.length;
        Candidate best = null;
        for (char d : CANDIDATES) {
            if (base.quote() != null && base.quote() == d) {
                continue;
            }
            Candidate c = frame(sample, n, cut, base.withDelimiter(d));
            if (best == null || better(c, best)) {
                best = c;
            }
        }
        if (best == null || best.fields() <= 1) {
            return new Result(',', best);
        }
        return new Result(best.delimiter(), best);
    }

    private static boolean better(Candidate c, Candidate best) {
        if (c.fields() > 1 && best.fields() <= 1) {
            return true;
        }
        if (c.fields() <= 1) {
            return false;
        }
        if (c.share() != best.share()) {
            return c.share() > best.share();
        }
        return c.fields() > best.fields();
    }

    /** Frames the sample with one delimiter and counts fields per record. */
    public static Candidate frame(byte[] sample, int n, boolean cut, CsvDialect d) {
        List<Integer> counts = new ArrayList<>();
        try {
            RecordFramer f = new RecordFramer(new ByteArrayInputStream(sample, 0, n), n, 0, 1, d);
            while (f.next()) {
                counts.add(f.fieldCount());
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array cannot fail", e);
        }
        if (cut && !counts.isEmpty()) {
            counts.remove(counts.size() - 1); // the sample may end inside the last record
        }
        Map<Integer, Integer> freq = new HashMap<>();
        int mode = 0;
        int modeCount = 0;
        for (int c : counts) {
            int k = freq.merge(c, 1, Integer::sum);
            if (k > modeCount || k == modeCount && c > mode) {
                mode = c;
                modeCount = k;
            }
        }
        return new Candidate(d.delimiter(), counts.size(), mode, modeCount);
    }

    /**
     * The first record split by each candidate delimiter, for an error about columns: "split by tab
     * it is [id, rate]". Returns a hint naming the candidate that splits it into the most fields, or
     * null when none splits it into more than {@code have}.
     */
    public static String hint(byte[] sample, CsvDialect current, int have) {
        char best = 0;
        List<String> bestFields = null;
        for (char d : CANDIDATES) {
            if (d == current.delimiter() || current.quote() != null && current.quote() == d) {
                continue;
            }
            List<String> fields = firstRecord(sample, current.withDelimiter(d));
            if (fields.size() > have && (bestFields == null || fields.size() > bestFields.size())) {
                best = d;
                bestFields = fields;
            }
        }
        if (bestFields == null) {
            return null;
        }
        return "split by " + CsvDialect.name(best) + " the header is " + bestFields + ": looks " + label(best)
                + "-separated: try --delimiter " + CsvDialect.name(best);
    }

    private static String label(char d) {
        return switch (d) {
            case '\t' -> "tab";
            case ';' -> "semicolon";
            case '|' -> "pipe";
            default -> "comma";
        };
    }

    private static List<String> firstRecord(byte[] sample, CsvDialect d) {
        int n = Math.min(sample.length, SNIFF_BYTES);
        try {
            RecordFramer f = new RecordFramer(new ByteArrayInputStream(sample, 0, n), n, 0, 1, d);
            FastRowCursor cursor = new FastRowCursor(f, -1);
            if (cursor.next() && cursor.rejectReason() == null) {
                return List.of(cursor.values());
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading a byte array cannot fail", e);
        }
        return List.of();
    }
}
