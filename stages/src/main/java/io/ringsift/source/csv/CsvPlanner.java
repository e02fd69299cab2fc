package io.ringsift.source.csv;

import io.ringsift.io.FileIdentity;
import io.ringsift.key.KeySpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Checks the input files and cuts them into work units before any record is read.
 *
 * <p>Every file is checked first (exists, is a regular readable file, its header parses, the key
 * columns exist), so a bad argument fails in a second with one line, not after an hour of work.
 * A file larger than {@code 2 × splitBytes} is cut into byte ranges when there is more than one
 * reader. The cut points are found in parallel: the file is cut into equal chunks, each chunk is
 * summarised on its own thread for every state the framer could be in at its first byte
 * ({@link ChunkSummary}), and one pass over the summaries picks the true state of each chunk and
 * its first record start with its exact line ({@link QuoteParityResolver}). So a range always
 * starts where a record starts, quoted newlines included, and no thread reads the whole file
 * before the readers start.
 */
public final class CsvPlanner {
    /** Default smallest range worth a unit of its own. */
    public static final long DEFAULT_SPLIT_BYTES = 32L << 20;
    /** Bytes read at a time when summarising a chunk. */
    private static final int SUMMARY_BUFFER = 1 << 20;

    private final CsvDialect dialect;
    private final KeySpec key;
    private final int readers;
    private final long splitBytes;

    public CsvPlanner(CsvDialect dialect, KeySpec key, int readers, long splitBytes) {
        if (readers < 1) {
            throw new IllegalArgumentException("Readers (" + readers + ") must be >= 1");
        }
        if (splitBytes < 1) {
            throw new IllegalArgumentException("Split size (" + splitBytes + ") must be >= 1");
        }
        this.dialect = dialect;
        this.key = key;
        this.readers = readers;
        this.splitBytes = splitBytes;
    }

    /** Plans plain paths (UTF-8; gzip and zstd are still recognised by their first bytes). */
    public CsvPlan plan(List<Path> paths) throws CsvInputException, IOException {
        if (paths.isEmpty()) {
            throw new CsvInputException("no input files given");
        }
        List<InputFile> inputs = new ArrayList<>();
        for (Path p : paths) {
            inputs.add(InputFile.of(p, StandardCharsets.UTF_8));
        }
        return planInputs(inputs);
    }

    /** Plans opened inputs ({@link InputFiles#open}): files, compressed files, standard input. */
    public CsvPlan planInputs(List<InputFile> inputs) throws CsvInputException, IOException {
        long t0 = System.nanoTime();
        if (inputs.isEmpty()) {
            throw new CsvInputException("no input files given");
        }
        Map<String, Integer> fieldIndex = new LinkedHashMap<>();
        List<CsvFile> files = new ArrayList<>();
        for (InputFile in : inputs) {
            files.add(describe(in, fieldIndex));
        }
        List<CsvUnit> units = new ArrayList<>();
        for (CsvFile f : files) {
            cut(f, units);
        }
        return new CsvPlan(files, units, List.copyOf(fieldIndex.keySet()), (System.nanoTime() - t0) / 1_000_000);
    }

    private CsvFile describe(InputFile input, Map<String, Integer> fieldIndex) throws CsvInputException, IOException {
        // before reading: a change from here on is caught by the readers (a stream cannot change under us)
        FileIdentity identity = input.isStream() ? null : FileIdentity.of(input.path());
        // a stream is read once: its header comes from the kept sample; a file is simply opened
        try (InputStream in = input.isStream() ? new ByteArrayInputStream(input.sample()) : input.open().in()) {
            return describe(input, in, fieldIndex, identity);
        }
    }

    /**
     * Reads the header (or first record) of one plain UTF-8 file from {@code in}, positioned at its
     * first byte, and checks the key columns against it: the same checks for a local file and for
     * one on a Hadoop FileSystem (Spark, where the file's identity is not checked). Column names are
     * added to {@code fieldIndex} in first-seen order.
     */
    public CsvFile describe(Path p, InputStream in, long size, Map<String, Integer> fieldIndex) throws CsvInputException, IOException {
        return describe(InputFile.plainOfSize(p, size), in, fieldIndex, null);
    }

    private CsvFile describe(InputFile input, InputStream in, Map<String, Integer> fieldIndex, FileIdentity identity)
            throws CsvInputException, IOException {
        String p = input.name();
        long size = input.size();
        List<String> columns = List.of();
        byte[] headerLine = new byte[0];
        {
            RecordFramer framer = new RecordFramer(in, Long.MAX_VALUE, 0, 1, dialect);
            FastRowCursor first = new FastRowCursor(framer, -1);
            if (first.next()) {
                if (first.rejectReason() != null) {
                    String what = dialect.header() ? "header" : "first record";
                    String storage = input.describeStorage().isEmpty() ? "" : " (" + input.describeStorage() + ")";
                    String fix = first.rejectReason().startsWith(CsvRejects.INVALID_UTF8) && !input.transcoded()
                            ? ": it is not UTF-8; give its charset, e.g. --encoding windows-1252 (Latin-1, Excel exports)" : "";
                    throw new CsvInputException(p + storage + ":" + first.line() + ": cannot read the " + what + ": "
                            + first.rejectReason() + fix);
                }
                String[] v = first.values();
                if (dialect.header()) {
                    headerLine = first.raw(true);
                }
                columns = new ArrayList<>();
                for (int i = 0; i < v.length; i++) {
                    columns.add(dialect.header() ? v[i] : Integer.toString(i + 1));
                }
            }
        }
        List<String> headerColumns = columns;
        columns = uniqueNames(columns);
        int[] keyIndexes;
        if (key.isWholeRecord()) {
            keyIndexes = new int[columns.size()];
            Arrays.setAll(keyIndexes, i -> i);
        } else {
            keyIndexes = new int[key.fields().size()];
            for (int k = 0; k < keyIndexes.length; k++) {
                String name = key.fields().get(k);
                int at = columns.indexOf(name);
                if (at < 0 && !columns.isEmpty()) {
                    String hint = DialectSniffer.hint(input.sample(), dialect, columns.size());
                    throw new CsvInputException(p + ": unknown --key column '" + name + "'; columns are: " + String.join(", ", columns)
                            + (hint == null ? "" : "; " + hint));
                }
                if (at >= 0 && headerColumns.lastIndexOf(name) != headerColumns.indexOf(name)) {
                    throw new CsvInputException(p + ": --key column '" + name + "' is ambiguous: the header names "
                            + headerColumns.stream().filter(name::equals).count() + " columns so (reported as "
                            + String.join(", ", sameNamed(headerColumns, columns, name)) + "); give one of the renamed ones");
                }
                keyIndexes[k] = at;
            }
        }
        int[] fields = new int[columns.size()];
        for (int i = 0; i < fields.length; i++) {
            fields[i] = fieldIndex.computeIfAbsent(columns.get(i), c -> fieldIndex.size());
        }
        return new CsvFile(input.path(), columns, keyIndexes, fields, size, headerLine, headerColumns, input, identity);
    }

    /**
     * Header names made unique so that no two columns' statistics merge: the second {@code id}
     * becomes {@code id_2}, the third {@code id_3} (skipping any name the header already has).
     */
    static List<String> uniqueNames(List<String> header) {
        Set<String> inHeader = new HashSet<>(header);
        Set<String> used = new HashSet<>();
        List<String> out = new ArrayList<>(header.size());
        for (String name : header) {
            String unique = name;
            // a renamed column never takes a name some other column of the header has
            for (int n = 2; used.contains(unique) || (!unique.equals(name) && inHeader.contains(unique)); n++) {
                unique = name + "_" + n;
            }
            used.add(unique);
            out.add(unique);
        }
        return out;
    }

    private static List<String> sameNamed(List<String> header, List<String> unique, String name) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (header.get(i).equals(name)) {
                out.add(unique.get(i));
            }
        }
        return out;
    }

    private void cut(CsvFile f, List<CsvUnit> units) throws IOException {
        // a compressed, transcoded or streamed input has no byte offsets to start readers at: one unit
        long pieces = readers > 1 && f.input().splittable() ? Math.min(readers * 4L, f.size() / splitBytes) : 1;
        if (pieces < 2) {
            units.add(new CsvUnit(units.size(), f, 0, f.size(), 1));
            return;
        }
        long step = f.size() / pieces;
        List<ChunkSummary> chunks = summarise(f, pieces, step);
        long start = 0;
        long startLine = 1;
        for (QuoteParityResolver.Start cut : QuoteParityResolver.recordStarts(chunks)) {
            units.add(new CsvUnit(units.size(), f, start, cut.offset(), startLine));
            start = cut.offset();
            startLine = cut.line();
        }
        units.add(new CsvUnit(units.size(), f, start, f.size(), startLine));
    }

    /** Chunk {@code k} is {@code [k × step, (k+1) × step)}, the last one to the end; each summarised on one of {@code readers} threads. */
    private List<ChunkSummary> summarise(CsvFile f, long pieces, long step) throws IOException {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(readers, r -> {
            Thread t = new Thread(r, "ringsift-plan-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try (FileChannel ch = FileChannel.open(f.path(), StandardOpenOption.READ)) {
            List<Future<ChunkSummary>> futures = new ArrayList<>();
            for (long k = 0; k < pieces; k++) {
                long from = k * step;
                long to = k == pieces - 1 ? f.size() : from + step;
                Callable<ChunkSummary> task = () -> summarise(ch, f, from, to);
                futures.add(pool.submit(task));
            }
            List<ChunkSummary> chunks = new ArrayList<>();
            for (Future<ChunkSummary> fu : futures) {
                chunks.add(fu.get());
            }
            return chunks;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while planning " + f.source());
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException(f.source() + ": planning failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads {@code [from, to)} a buffer at a time (positional reads: the channel is shared) and composes the buffers' summaries. */
    private ChunkSummary summarise(FileChannel ch, CsvFile f, long from, long to) throws IOException {
        byte[] b = new byte[(int) Math.min(SUMMARY_BUFFER, to - from)];
        ByteBuffer bb = ByteBuffer.wrap(b);
        ChunkSummary s = null;
        long at = from;
        while (at < to) {
            bb.clear().limit((int) Math.min(b.length, to - at));
            while (bb.hasRemaining()) {
                if (ch.read(bb, at + bb.position()) < 0) {
                    throw new IOException(f.source() + ": file changed while planning: expected " + f.size() + " bytes, it ends at "
                            + (at + bb.position()));
                }
            }
            ChunkSummary piece = ChunkSummary.of(b, 0, bb.position(), at == 0, dialect);
            s = s == null ? piece : s.then(piece);
            at += bb.position();
        }
        return s;
    }
}
