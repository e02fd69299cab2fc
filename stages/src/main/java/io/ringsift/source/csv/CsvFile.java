package io.ringsift.source.csv;

import io.ringsift.io.FileIdentity;
import java.nio.file.Path;
import java.util.List;

/**
 * One input file as planned: its columns and where the key columns are.
 *
 * @param path       the file
 * @param columns    column names from the header, or "1".."N" without one (empty for an empty file)
 * @param keyIndexes column positions of the key, in key-spec order (all columns for the whole-row key)
 * @param fieldIndexes for each column, its index in the run's combined field list (files may order columns differently)
 * @param size       file size in bytes when planned
 * @param headerLine the header record's bytes with its line terminator (empty without a header), for check output
 * @param identity   file key, size and modification time when planned, checked by every unit that opens the file; or null
 */
public record CsvFile(Path path, List<String> columns, int[] keyIndexes, int[] fieldIndexes, long size, byte[] headerLine,
                      List<String> headerColumns, FileIdentity identity) {
    public CsvFile {
        columns = List.copyOf(columns);
        headerColumns = List.copyOf(headerColumns);
    }

    /** A file whose header names are all different: its columns are named as in the header. */
    public CsvFile(Path path, List<String> columns, int[] keyIndexes, int[] fieldIndexes, long size, byte[] headerLine) {
        this(path, columns, keyIndexes, fieldIndexes, size, headerLine, columns);
    }

    /** A file whose identity is not checked when its units are read. */
    public CsvFile(Path path, List<String> columns, int[] keyIndexes, int[] fieldIndexes, long size, byte[] headerLine,
                   List<String> headerColumns) {
        this(path, columns, keyIndexes, fieldIndexes, size, headerLine, headerColumns, null);
    }

    public String source() {
        return path.toString();
    }
}
