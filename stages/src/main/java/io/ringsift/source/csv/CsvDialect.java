package io.ringsift.source.csv;

/**
 * How a CSV input is written and the limits that keep a bad one from exhausting memory.
 *
 * @param delimiter      field separator (one ASCII character)
 * @param quote          quote character (one ASCII character), or null for none ({@code --quote none}): every
 *                       byte is then ordinary and a record ends at the next line end
 * @param header         true when the first record of each file names the columns
 * @param maxRecordBytes longest record accepted; longer ones are rejected without being buffered
 * @param maxFieldBytes  longest field accepted
 */
public record CsvDialect(char delimiter, Character quote, boolean header, int maxRecordBytes, int maxFieldBytes) {
    public static final int DEFAULT_MAX_RECORD_BYTES = 16 << 20;
    public static final int DEFAULT_MAX_FIELD_BYTES = 8 << 20;
    /** The quote code of {@code --quote none}: no byte (-128..127) is ever equal to it. */
    static final int NO_QUOTE = 1 << 16;

    public CsvDialect {
        if (delimiter >= 0x80 || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("Delimiter (" + printable(delimiter) + ") must be one ASCII character other than CR or LF");
        }
        if (quote != null && (quote >= 0x80 || quote == '\r' || quote == '\n' || quote == delimiter)) {
            throw new IllegalArgumentException("Quote (" + printable(quote) + ") must be one ASCII character other than CR, LF and the delimiter");
        }
        if (maxRecordBytes < 1 || maxFieldBytes < 1) {
            throw new IllegalArgumentException("Size limits (" + maxRecordBytes + ", " + maxFieldBytes + ") must be >= 1");
        }
    }

    /**
     * The text a record's generated {@code toString} gives (it is part of a run's checkpoint
     * fingerprint), written out: the generated one links a method-handle tree at its first call,
     * about 30 classes spun at start-up of every CSV run (docs/benchmarks.md, "Start-up").
     */
    @Override
    public String toString() {
        return "CsvDialect[delimiter=" + delimiter + ", quote=" + quote + ", header=" + header
                + ", maxRecordBytes=" + maxRecordBytes + ", maxFieldBytes=" + maxFieldBytes + "]";
    }

    public static CsvDialect rfc4180() {
        return new CsvDialect(',', '"', true, DEFAULT_MAX_RECORD_BYTES, DEFAULT_MAX_FIELD_BYTES);
    }

    public CsvDialect withDelimiter(char d) {
        return new CsvDialect(d, quote, header, maxRecordBytes, maxFieldBytes);
    }

    public CsvDialect withLimits(int maxRecord, int maxField) {
        return new CsvDialect(delimiter, quote, header, maxRecord, maxField);
    }

    byte delimiterByte() {
        return (byte) delimiter;
    }

    /** The quote as the framers compare it with a byte: the byte value, or {@link #NO_QUOTE}, which no byte equals. */
    /**
     * The byte the word-at-a-time scans look for as a quote: the quote itself, or with
     * {@code --quote none} the delimiter, which they look for anyway (so no byte is taken for a quote).
     */
    byte quoteSearchByte() {
        return quote == null ? delimiterByte() : (byte) quote.charValue();
    }

    int quoteCode() {
        return quote == null ? NO_QUOTE : (byte) quote.charValue();
    }

    /** The delimiter as users type it after {@code --delimiter}: {@code tab}, {@code ,}, or quoted for the shell ({@code ';'}). */
    public static String name(char delimiter) {
        if (delimiter == '\t') {
            return "tab";
        }
        return Character.isLetterOrDigit(delimiter) || delimiter == ',' ? String.valueOf(delimiter) : "'" + delimiter + "'";
    }

    private static String printable(char c) {
        return c < 0x20 ? String.format("\\u%04x", (int) c) : "'" + c + "'";
    }
}
