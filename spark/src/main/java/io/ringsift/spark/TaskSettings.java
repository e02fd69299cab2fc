package io.ringsift.spark;

import io.ringsift.filter.FilterParams;
import io.ringsift.partial.StatsLevel;
import io.ringsift.source.csv.CsvDialect;
import io.ringsift.source.csv.CsvParser;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * What every map and reduce task of one run needs, in a serializable form (stages' records are not).
 *
 * @param partitions   reduce partitions: the key space is cut as for {@code partitions} local handlers
 * @param exactBytes   one reduce partition's exact-set budget, or -1 for the local default share of the executor heap over its task slots
 * @param out          the run's output directory (qualified), for the rejects part files
 */
record TaskSettings(char delimiter, char quote, boolean header, int maxRecordBytes, int maxFieldBytes, CsvParser parser,
                    StatsLevel stats, int partitions, long expectedKeys, double fpp, long exactBytes, List<String> fields,
                    List<SparkFile> files, String out) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    TaskSettings {
        fields = List.copyOf(fields);
        files = List.copyOf(files);
    }

    static TaskSettings of(CsvDialect d, CsvParser parser, StatsLevel stats, int partitions, FilterParams params, long exactBytes,
                           List<String> fields, List<SparkFile> files, String out) {
        return new TaskSettings(d.delimiter(), d.quote(), d.header(), d.maxRecordBytes(), d.maxFieldBytes(), parser, stats, partitions,
                params.expectedKeys(), params.fpp(), exactBytes, fields, files, out);
    }

    CsvDialect dialect() {
        return new CsvDialect(delimiter, quote, header, maxRecordBytes, maxFieldBytes);
    }

    FilterParams params() {
        return new FilterParams(expectedKeys, fpp);
    }
}
