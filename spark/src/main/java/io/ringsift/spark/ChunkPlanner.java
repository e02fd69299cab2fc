package io.ringsift.spark;

import io.ringsift.key.KeySpec;
import io.ringsift.source.csv.ChunkSummary;
import io.ringsift.source.csv.CsvDialect;
import io.ringsift.source.csv.CsvFile;
import io.ringsift.source.csv.CsvInputException;
import io.ringsift.source.csv.CsvPlanner;
import io.ringsift.source.csv.QuoteParityResolver;
import java.io.EOFException;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * Plans a CSV run on Spark: checks every file on the driver (exists, header, key columns: the local
 * planner's checks, {@link CsvPlanner#describe}), then cuts each file into record-aligned chunks
 * without a sequential scan:
 * <ol>
 *   <li>Spark stage 1: one task per ~{@code chunkBytes} piece summarises it for every state the
 *       framer could be in at its first byte ({@link ChunkSummary}, the code the local planner uses);</li>
 *   <li>driver: the prefix pass ({@link QuoteParityResolver}) picks each piece's true state, its first
 *       record start and that record's exact physical line;</li>
 * </ol>
 * so stage 2 (the ingest) frames each chunk from a true record start, quoted newlines included.
 * A piece that lies wholly inside one record (a huge quoted field) joins the chunk before it.
 */
final class ChunkPlanner {
    /** Bytes read at a time while summarising a piece. */
    private static final int BUFFER = 1 << 20;

    private ChunkPlanner() {
    }

    /**
     * @param files     every input file (already checked)
     * @param lineEnds  physical line ends in all files, from the summaries: an upper bound on the records (header included)
     */
    record Plan(List<SparkFile> files, List<SparkChunk> chunks, List<String> fields, long lineEnds, long planMillis) {}

    /** One piece for stage 1. */
    record Piece(int file, String uri, long from, long to) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    static Plan plan(JavaSparkContext sc, List<String> paths, CsvDialect dialect, KeySpec key, long chunkBytes)
            throws CsvInputException, IOException {
        long t0 = System.nanoTime();
        if (paths.isEmpty()) {
            throw new CsvInputException("no input files given");
        }
        Configuration conf = sc.hadoopConfiguration();
        CsvPlanner describer = new CsvPlanner(dialect, key, 1, CsvPlanner.DEFAULT_SPLIT_BYTES);
        Map<String, Integer> fieldIndex = new LinkedHashMap<>();
        List<SparkFile> files = new ArrayList<>();
        for (String p : paths) {
            org.apache.hadoop.fs.Path hp = new org.apache.hadoop.fs.Path(p);
            FileSystem fs = hp.getFileSystem(conf);
            FileStatus st;
            try {
                st = fs.getFileStatus(hp);
            } catch (java.io.FileNotFoundException e) {
                throw new CsvInputException(p + ": no such file");
            }
            if (st.isDirectory()) {
                throw new CsvInputException(p + ": is a directory, not a file");
            }
            String uri = fs.makeQualified(hp).toString();
            try (FSDataInputStream in = fs.open(hp)) {
                CsvFile f = describer.describe(Path.of(p), in, st.getLen(), fieldIndex);
                files.add(SparkFile.of(p, uri, f));
            }
        }
        List<Piece> pieces = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            long size = files.get(i).size();
            long n = Math.max(1, size / chunkBytes);
            long step = Math.max(1, size / n);
            for (long k = 0; k < n && size > 0; k++) {
                long from = k * step;
                pieces.add(new Piece(i, files.get(i).uri(), from, k == n - 1 ? size : from + step));
            }
        }
        List<ChunkSummary> summaries = pieces.isEmpty() ? List.of() : summarise(sc, pieces, dialect);
        List<SparkChunk> chunks = new ArrayList<>();
        long lineEnds = 0;
        int at = 0;
        for (int i = 0; i < files.size(); i++) {
            List<ChunkSummary> mine = new ArrayList<>();
            while (at < pieces.size() && pieces.get(at).file() == i) {
                mine.add(summaries.get(at++));
            }
            SparkFile f = files.get(i);
            long start = 0;
            long line = 1;
            for (QuoteParityResolver.Start s : QuoteParityResolver.recordStarts(mine)) {
                chunks.add(new SparkChunk(chunks.size(), i, start, s.offset(), line));
                start = s.offset();
                line = s.line();
            }
            chunks.add(new SparkChunk(chunks.size(), i, start, f.size(), line));
            for (ChunkSummary c : mine) {
                lineEnds += c.lines();
            }
        }
        return new Plan(files, chunks, List.copyOf(fieldIndex.keySet()), lineEnds, (System.nanoTime() - t0) / 1_000_000);
    }

    /** Spark stage 1: one task per piece, summaries back in piece order. */
    private static List<ChunkSummary> summarise(JavaSparkContext sc, List<Piece> pieces, CsvDialect dialect) {
        HadoopConf conf = new HadoopConf(sc.hadoopConfiguration());
        sc.setJobDescription("ringsift: summarise " + pieces.size() + " CSV chunks for quote parity");
        try {
            // CsvDialect is not serializable: its parts travel, each task rebuilds it
            char delimiter = dialect.delimiter();
            char quote = dialect.quote();
            boolean header = dialect.header();
            int maxRecord = dialect.maxRecordBytes();
            int maxField = dialect.maxFieldBytes();
            return sc.parallelize(pieces, pieces.size())
                    .map(p -> summarise(p, new CsvDialect(delimiter, quote, header, maxRecord, maxField), conf)).collect();
        } finally {
            sc.setJobDescription(null);
        }
    }

    /** Reads {@code [from, to)} a buffer at a time and composes the buffers' summaries. */
    static ChunkSummary summarise(Piece p, CsvDialect dialect, HadoopConf conf) throws IOException {
        org.apache.hadoop.fs.Path hp = new org.apache.hadoop.fs.Path(p.uri());
        FileSystem fs = SparkIngest.fileSystem(hp, conf.get());
        byte[] b = new byte[(int) Math.min(BUFFER, p.to() - p.from())];
        ChunkSummary s = null;
        try (FSDataInputStream in = fs.open(hp)) {
            long at = p.from();
            while (at < p.to()) {
                int n = (int) Math.min(b.length, p.to() - at);
                try {
                    in.readFully(at, b, 0, n);
                } catch (EOFException e) {
                    throw new IOException(p.uri() + ": file changed while planning: it ends before byte " + (at + n), e);
                }
                ChunkSummary piece = ChunkSummary.of(b, 0, n, at == 0, dialect);
                s = s == null ? piece : s.then(piece);
                at += n;
            }
        }
        return s;
    }
}
