package io.ringsift.source.csv;

import io.ringsift.source.WorkUnit;

/**
 * A byte range {@code [start, end)} of a CSV file that starts on a record boundary.
 * A whole file is the range {@code [0, size)}; the unit at offset 0 holds the header.
 *
 * @param firstLine physical line number of the byte at {@code start}
 */
public record CsvUnit(int id, CsvFile file, long start, long end, long firstLine) implements WorkUnit {
    @Override
    public String source() {
        return file.source();
    }

    @Override
    public String describe() {
        return start == 0 && end == file.size()
                ? file.source()
                : file.source() + " bytes " + start + "-" + end + " (from line " + firstLine + ")";
    }
}
