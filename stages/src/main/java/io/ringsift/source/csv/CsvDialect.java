package io.ringsift.source.csv;

/**
 * How a CSV input is written and the limits that keep a bad one from exhausting memory.
 *
 * @param delimiter      field separator (one ASCII character)
 * @param quote          quote character (one ASCII character)
 * @param header         true when the first record of each file names the columns
 * @param maxRecordBytes longest record accepted; longer ones are rejected without being buffered
 * @param maxFieldBytes  longest field accepted
 */
public record CsvDialect(char delimiter, char quote, boolean header, int maxRecordBytes, int maxFieldBytes) {
    public static final int DEFAULT_MAX_RECORD_BYTES = 16 << 20;
    public static final int DEFAULT_MAX_FIELD_BYTES = 8 << 20;

    public CsvDialect {
        if (delimiter >= 0x80 || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("Delimiter (" + printable(delimiter) + ") must be one ASCII character other than CR or LF");
        }
        if (quote >= 0x80 || quote == '\r' || quote == '\n' || quote == delimiter) {
            throw new IllegalArgumentException("Quote (" + printable(quote) + ") must be one ASCII character other than CR, LF and the delimiter");
        }
        if (maxRecordBytes < 1 || maxFieldBytes < 1) {
            throw new IllegalArgumentException("Size limits (" + maxRecordBytes + ", " + maxFieldBytes + ") must be >= 1");
        }
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

    byte quoteByte() {
        return (byte) quote;
    }

    private static String printable(char c) {
        return c < 0x20 ? String.format("\\u%04x", (int) c) : "'" + c + "'";
    }
}
