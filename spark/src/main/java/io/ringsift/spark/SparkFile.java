package io.ringsift.spark;

import io.ringsift.source.csv.CsvFile;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.List;

/**
 * One input file as the driver planned it ({@link CsvFile}'s content, which is not serializable),
 * sent to the tasks that read it.
 *
 * @param source the path as the user gave it: the name in reports and rejects
 * @param uri    the fully qualified Hadoop path the tasks open
 */
record SparkFile(String source, String uri, long size, List<String> columns, List<String> headerColumns, int[] keyIndexes,
                 int[] fieldIndexes, byte[] headerLine) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    SparkFile {
        columns = List.copyOf(columns);
        headerColumns = List.copyOf(headerColumns);
    }

    static SparkFile of(String source, String uri, CsvFile f) {
        return new SparkFile(source, uri, f.size(), f.columns(), f.headerColumns(), f.keyIndexes(), f.fieldIndexes(), f.headerLine());
    }

    /** The stages' view of the file; its path serves only as a name (tasks read through Hadoop, not java.nio). */
    CsvFile toCsvFile() {
        return new CsvFile(Path.of(source), columns, keyIndexes, fieldIndexes, size, headerLine, headerColumns);
    }
}
