package io.ringsift.spark;

import io.ringsift.partial.CsvFieldProfile;
import io.ringsift.partial.FieldProfile;
import io.ringsift.partial.StatsLevel;
import io.ringsift.source.csv.CsvDialect;
import io.ringsift.source.csv.CsvParser;
import io.ringsift.source.csv.CsvUnit;
import io.ringsift.source.csv.CsvUnitReader;
import java.io.Serial;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * CSV chunks in map tasks: each is read from a Hadoop stream by the stages' {@link CsvUnitReader}
 * (framing, parsing, rejects with their lines, the key encoded and hashed once), from the true
 * record start and line the prefix pass found.
 *
 * @param fields  the run's field names (the union of the files' columns, as locally)
 * @param keepRaw each accepted record's bytes (with its line end) in the batch, for a check's {@code --new}/{@code --seen}
 */
record CsvMapInput(char delimiter, char quote, boolean header, int maxRecordBytes, int maxFieldBytes, CsvParser parser,
                   StatsLevel stats, List<String> fields, List<SparkFile> files, HadoopConf conf, boolean keepRaw)
        implements MapInput<SparkChunk> {
    @Serial
    private static final long serialVersionUID = 1L;

    CsvMapInput {
        fields = List.copyOf(fields);
        files = List.copyOf(files);
    }

    static CsvMapInput of(CsvDialect d, CsvParser parser, StatsLevel stats, List<String> fields, List<SparkFile> files, HadoopConf conf,
                          boolean keepRaw) {
        return new CsvMapInput(d.delimiter(), d.quote(), d.header(), d.maxRecordBytes(), d.maxFieldBytes(), parser, stats, fields, files,
                conf, keepRaw);
    }

    CsvDialect dialect() {
        return new CsvDialect(delimiter, quote, header, maxRecordBytes, maxFieldBytes);
    }

    @Override
    public int unit(SparkChunk c) {
        return c.id();
    }

    @Override
    public String source(SparkChunk c) {
        return files.get(c.file()).source();
    }

    /** A profile for this chunk alone: unit ids index the column mapping, so only this chunk's entry is filled. */
    @Override
    public FieldProfile newProfile(SparkChunk c) {
        if (stats == StatsLevel.NONE) {
            return null;
        }
        int[][] map = new int[c.id() + 1][];
        map[c.id()] = files.get(c.file()).fieldIndexes();
        return new CsvFieldProfile(fields, map, stats);
    }

    @Override
    public Reader<SparkChunk> newReader() {
        CsvUnitReader reader = new CsvUnitReader(dialect(), parser, keepRaw, null, stats != StatsLevel.NONE);
        return (c, sink, rejects) -> {
            SparkFile f = files.get(c.file());
            CsvUnit unit = new CsvUnit(c.id(), f.toCsvFile(), c.start(), c.end(), c.firstLine());
            Path path = new Path(f.uri());
            FileSystem fs = SparkIngest.fileSystem(path, conf.get());
            try (FSDataInputStream in = fs.open(path)) {
                in.seek(c.start());
                return reader.read(unit, in, sink, rejects);
            }
        };
    }
}
