package io.ringsift.cli;

import io.ringsift.source.csv.CsvDialect;
import io.ringsift.source.csv.CsvParser;
import io.ringsift.source.csv.CsvPlanner;
import picocli.CommandLine.Option;

/** How CSV input is written and read. */
final class CsvOptions {
    @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
            description = "Field delimiter, one ASCII character; 'tab' or '\\t' for a tab (default: '${DEFAULT-VALUE}').")
    String delimiter;

    @Option(names = "--quote", paramLabel = "CHAR", defaultValue = "\"", description = "Quote character (default: ${DEFAULT-VALUE}).")
    char quote;

    @Option(names = "--no-header", description = "Files have no header line; columns are named 1, 2, 3, ...")
    boolean noHeader;

    @Option(names = "--parser", paramLabel = "NAME", defaultValue = "fast",
            description = "Field parser: fast (byte-level, default) or commons (Apache Commons CSV, the reference).")
    CsvParser parser;

    @Option(names = "--max-record-size", paramLabel = "BYTES", defaultValue = "" + CsvDialect.DEFAULT_MAX_RECORD_BYTES,
            description = "Reject records longer than this (default: ${DEFAULT-VALUE}).")
    int maxRecordSize;

    @Option(names = "--max-field-size", paramLabel = "BYTES", defaultValue = "" + CsvDialect.DEFAULT_MAX_FIELD_BYTES,
            description = "Reject records with a field longer than this (default: ${DEFAULT-VALUE}).")
    int maxFieldSize;

    @Option(names = "--split-size", paramLabel = "BYTES", defaultValue = "" + CsvPlanner.DEFAULT_SPLIT_BYTES,
            description = "Smallest byte range a large file is split into for parallel readers (default: ${DEFAULT-VALUE}).")
    long splitSize;

    CsvDialect dialect() {
        String d = delimiter.equals("tab") || delimiter.equals("\\t") ? "\t" : delimiter;
        if (d.length() != 1) {
            throw new IllegalArgumentException("--delimiter must be one character, got '" + delimiter + "'");
        }
        return new CsvDialect(d.charAt(0), quote, !noHeader, maxRecordSize, maxFieldSize);
    }
}
