package io.ringsift.source.csv;

import io.ringsift.key.KeySpec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks the input files and cuts them into work units before any record is read.
 *
 * <p>Every file is checked first (exists, is a regular readable file, its header parses, the key
 * columns exist), so a bad argument fails in a second with one line, not after an hour of work.
 * A file larger than {@code 2 × splitBytes} is cut into byte ranges when there is more than one
 * reader. The cut points are found by {@link BoundaryScanner}, which runs the readers' state machine
 * over the file without framing fields, so a range always starts where a record starts, quoted
 * newlines included, and its starting line number is exact.
 */
public final class CsvPlanner {
    /** Default smallest range worth a unit of its own. */
    public static final long DEFAULT_SPLIT_BYTES = 32L << 20;

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
        return new CsvPlan(files, units, List.copyOf(fieldIndex.keySet()));
    }

    private CsvFile describe(InputFile input, Map<String, Integer> fieldIndex) throws CsvInputException, IOException {
        String p = input.name();
        long size = input.size();
        List<String> columns = List.of();
        byte[] headerLine = new byte[0];
        // a stream is read once: its header comes from the kept sample; a file is simply opened
        try (InputStream in = input.isStream() ? new ByteArrayInputStream(input.sample()) : input.open().in()) {
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
        return new CsvFile(input.path(), columns, keyIndexes, fields, size, headerLine, headerColumns, input);
    }

    /**
     * Header names made unique so that no two columns' statistics merge: the second {@code id}
     * becomes {@code id_2}, the third {@code id_3} (skipping any name the header already has).
     */
    static List<String> uniqueNames(List<String> header) {
        java.util.Set<String> inHeader = new java.util.HashSet<>(header);
        java.util.Set<String> used = new java.util.HashSet<>();
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
        long start = 0;
        long startLine = 1;
        try (InputStream in = Files.newInputStream(f.path())) {
            for (BoundaryScanner.Cut cut : BoundaryScanner.cuts(in, f.size(), step, dialect)) {
                units.add(new CsvUnit(units.size(), f, start, cut.offset(), startLine));
                start = cut.offset();
                startLine = cut.line();
            }
        }
        units.add(new CsvUnit(units.size(), f, start, f.size(), startLine));
    }
}
