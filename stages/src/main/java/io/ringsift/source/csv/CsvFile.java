package io.ringsift.source.csv;

import io.ringsift.io.FileIdentity;

import java.nio.file.Path;
import java.util.List;

/**
 * One input file as planned: its columns and where the key columns are.
 *
 * @param path       the file ({@code -} for standard input)
 * @param columns    column names from the header, or "1".."N" without one (empty for an empty file)
 * @param keyIndexes column positions of the key, in key-spec order (all columns for the whole-row key)
 * @param fieldIndexes for each column, its index in the run's combined field list (files may order columns differently)
 * @param size       size in bytes as stored when planned (compressed size for gzip/zstd; -1 for a stream)
 * @param headerLine the header record's bytes with its line terminator (empty without a header), for check output
 * @param headerColumns the header's names as written (repeated names kept); {@code columns} has them made unique
 * @param input      how to open it (compression, charset, stream or file)
 * @param identity   file key, size and modification time when planned, checked by every unit that opens the file; or null
 */
public record CsvFile(Path path, List<String> columns, int[] keyIndexes, int[] fieldIndexes, long size, byte[] headerLine,
                      List<String> headerColumns, InputFile input, FileIdentity identity) {
    public CsvFile {
        columns = List.copyOf(columns);
        headerColumns = List.copyOf(headerColumns);
    }

    /** A plain UTF-8 file whose header names are all different (benchmarks and tests that build a plan by hand). */
    public CsvFile(Path path, List<String> columns, int[] keyIndexes, int[] fieldIndexes, long size, byte[] headerLine) {
        this(path, columns, keyIndexes, fieldIndexes, size, headerLine, columns);
    }

    /** A plain UTF-8 file whose identity is not checked when its units are read. */
    public CsvFile(Path path, List<String> columns, int[] keyIndexes, int[] fieldIndexes, long size, byte[] headerLine,
                   List<String> headerColumns) {
        this(path, columns, keyIndexes, fieldIndexes, size, headerLine, headerColumns, InputFile.plainOfSize(path, size), null);
    }

    /** A file whose identity is not checked when its units are read (a stream, or a file on another file system). */
    public CsvFile(Path path, List<String> columns, int[] keyIndexes, int[] fieldIndexes, long size, byte[] headerLine,
                   List<String> headerColumns, InputFile input) {
        this(path, columns, keyIndexes, fieldIndexes, size, headerLine, headerColumns, input, null);
    }

    public String source() {
        return input.name();
    }
}
