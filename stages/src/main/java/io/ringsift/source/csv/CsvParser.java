package io.ringsift.source.csv;

/** Which parser turns framed records into values ({@code --parser}). */
public enum CsvParser {
    /** Fields sliced straight from the framer's buffer. */
    FAST,
    /** Apache Commons CSV: the reference implementation. */
    COMMONS
}
