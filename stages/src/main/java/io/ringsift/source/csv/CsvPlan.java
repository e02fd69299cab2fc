package io.ringsift.source.csv;

import java.util.List;

/**
 * The checked inputs of a CSV run.
 *
 * @param files  every input file, in argument order
 * @param units  the work units, numbered in file order then offset order
 * @param fields every column name across the files, in first-seen order
 * @param planMillis how long checking the inputs and cutting them into units took
 */
public record CsvPlan(List<CsvFile> files, List<CsvUnit> units, List<String> fields, long planMillis) {
    public CsvPlan {
        files = List.copyOf(files);
        units = List.copyOf(units);
        fields = List.copyOf(fields);
    }

    public CsvPlan(List<CsvFile> files, List<CsvUnit> units, List<String> fields) {
        this(files, units, fields, 0);
    }

    /** For each unit id, the combined-field index of each of its columns (for field statistics). */
    public int[][] unitFieldIndexes() {
        int[][] map = new int[units.size()][];
        for (CsvUnit u : units) {
            map[u.id()] = u.file().fieldIndexes();
        }
        return map;
    }
}
