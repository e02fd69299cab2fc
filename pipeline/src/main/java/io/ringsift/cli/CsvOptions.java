package io.ringsift.cli;

import io.ringsift.job.CsvInput;
import io.ringsift.key.KeySpec;
import io.ringsift.partial.StatsLevel;
import io.ringsift.report.Report;
import io.ringsift.source.csv.CsvDialect;
import io.ringsift.source.csv.CsvInputException;
import io.ringsift.source.csv.CsvParser;
import io.ringsift.source.csv.CsvPlan;
import io.ringsift.source.csv.CsvPlanner;
import io.ringsift.source.csv.DialectSniffer;
import io.ringsift.source.csv.InputFile;
import io.ringsift.source.csv.InputFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine.Option;

/** How CSV input is written and read, and the one place that turns the FILE arguments into a plan. */
final class CsvOptions {
    @Option(names = "--delimiter", paramLabel = "CHAR",
            description = "Field delimiter, one ASCII character; 'tab' or '\\t' for a tab. Default: detected from the first 64 KiB "
                    + "(, ; tab |), tab for .tsv files.")
    String delimiter;

    @Option(names = "--quote", paramLabel = "CHAR", defaultValue = "\"",
            description = "Quote character, or 'none': quotes are then ordinary characters (default: ${DEFAULT-VALUE}).")
    String quote;

    @Option(names = "--encoding", paramLabel = "CHARSET", defaultValue = "UTF-8",
            description = "Charset of the input (any the JVM knows: UTF-8, ISO-8859-1, windows-1252, UTF-16, ...); "
                    + "decoded to UTF-8 before reading (default: ${DEFAULT-VALUE}).")
    String encoding;

    @Option(names = "--glob", paramLabel = "PATTERN",
            description = "For a directory argument: read only the files whose name matches, e.g. '*.csv' (default: every file; names starting with '.' are skipped).")
    String glob;

    @Option(names = "--no-header", description = "Files have no header line; columns are named 1, 2, 3, ...")
    boolean noHeader;

    @Option(names = "--parser", paramLabel = "NAME", defaultValue = "fast",
            description = "Field parser: fast (byte-level, default) or commons (Apache Commons CSV, the reference).")
    CsvParser parser;

    @Option(names = "--max-record-size", paramLabel = "SIZE", defaultValue = "16MiB", converter = ByteSizeConverter.class,
            description = "Reject records longer than this, e.g. 16MiB, 512k (default: ${DEFAULT-VALUE}).")
    long maxRecordSize;

    @Option(names = "--max-field-size", paramLabel = "SIZE", defaultValue = "8MiB", converter = ByteSizeConverter.class,
            description = "Reject records with a field longer than this (default: ${DEFAULT-VALUE}).")
    long maxFieldSize;

    /** A planned CSV input: the dialect it is read with (sniffed or given) and its units. */
    private record Prepared(CsvDialect dialect, CsvPlan plan, Report.Dialect report) {}

    /**
     * The one place a command turns its FILE arguments into the input a job reads: {@link #prepare}
     * (files opened, delimiter chosen, units planned), read with {@code --parser}.
     *
     * @param base    the result of {@link #dialect()} (already checked, so usage errors come first)
     * @param split   {@code --split-size}
     * @param keepRaw keep each row's bytes (check's --new/--seen)
     * @param stats   {@link StatsLevel#NONE}: rows carry no values, only keys
     */
    CsvInput plan(List<Path> files, CsvDialect base, KeySpec key, int readers, SplitOptions split, PrintWriter err, boolean quiet,
                  boolean keepRaw, StatsLevel stats) throws UserError, IOException {
        Prepared p = prepare(files, base, key, readers, split.bytes, err, quiet, delimiter == null);
        CsvInput input = new CsvInput(p.plan(), p.dialect(), parser, keepRaw).withDialect(p.report());
        if (stats == StatsLevel.NONE) {
            input.withoutValues();
        }
        return input;
    }

    /** check --exact's --reference files, read with the checked input's dialect (not sniffed again), quietly. */
    CsvInput planReference(List<Path> files, CsvInput checked, KeySpec key, int readers, SplitOptions split, PrintWriter err)
            throws UserError, IOException {
        Prepared p = prepare(files, checked.csvDialect(), key, readers, split.bytes, err, true, false);
        return new CsvInput(p.plan(), checked.csvDialect(), parser, false);
    }

    /**
     * The dialect as given on the command line, with ',' standing in for a delimiter still to be
     * sniffed. Throws IllegalArgumentException stating the rule and the value (a usage error).
     */
    CsvDialect dialect() {
        char d = ',';
        if (delimiter != null) {
            String s = delimiter.equals("tab") || delimiter.equals("\\t") ? "\t" : delimiter;
            if (s.length() != 1) {
                throw new IllegalArgumentException("--delimiter must be one character (or 'tab'), got '" + delimiter + "'");
            }
            d = s.charAt(0);
        }
        Character q;
        if (quote.equalsIgnoreCase("none")) {
            q = null;
        } else if (quote.length() == 1) {
            q = quote.charAt(0);
        } else {
            throw new IllegalArgumentException("--quote must be one character, or 'none' to read quotes as ordinary characters; got '"
                    + quote + "'");
        }
        if (maxRecordSize > Integer.MAX_VALUE || maxFieldSize > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--max-record-size and --max-field-size must be below 2GiB");
        }
        return new CsvDialect(d, q, !noHeader, (int) maxRecordSize, (int) maxFieldSize);
    }

    Charset charset() {
        try {
            // "latin-1" is how people write it; the JDK knows "latin1" and "ISO-8859-1" only
            return Charset.forName(encoding.replaceFirst("(?i)^latin[-_]1$", "ISO-8859-1"));
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException("--encoding '" + encoding + "' is not a charset this JVM knows; "
                    + "try UTF-8, ISO-8859-1 (Latin-1), windows-1252 or UTF-16");
        }
    }

    /**
     * Opens the FILE arguments (directories, {@code -}, compressed files), chooses the delimiter
     * when {@code sniff}, and plans the units. Notes (what a directory held, the delimiter
     * chosen, a charset hint) go to {@code err} unless {@code quiet}.
     *
     * @param sniff choose the delimiter from the data (false: {@code base} has it, e.g. check's --reference)
     */
    private Prepared prepare(List<Path> files, CsvDialect base, KeySpec key, int readers, long splitSize, PrintWriter err, boolean quiet,
                             boolean sniff)
            throws UserError, IOException {
        List<String> notes = new ArrayList<>();
        Charset charset = charset();
        try {
            List<InputFile> inputs = InputFiles.open(files, glob, charset, notes::add);
            CsvDialect dialect = base;
            boolean detected = false;
            if (sniff) {
                dialect = chooseDelimiter(inputs, base, notes);
                detected = true;
            }
            for (InputFile in : inputs) {
                String hint = charsetHint(in);
                if (hint != null) {
                    notes.add(hint);
                }
            }
            CsvPlan plan = new CsvPlanner(dialect, key, readers, splitSize).planInputs(inputs);
            for (var f : plan.files()) {
                // "id<TAB>rate" read as one column: say so, the run would otherwise "succeed" with it
                String hint = f.columns().size() == 1 && dialect.header() ? DialectSniffer.hint(f.input().sample(), dialect, 1) : null;
                if (hint != null) {
                    notes.add(f.source() + ": one column named '" + f.columns().get(0) + "'; " + hint);
                }
            }
            if (!quiet) {
                notes.forEach(n -> err.println("ringsift: " + n));
                err.flush();
            }
            boolean byName = detected && inputs.stream().allMatch(CsvOptions::tsvByName);
            return new Prepared(dialect, plan, new Report.Dialect(String.valueOf(dialect.delimiter()),
                    dialect.quote() == null ? null : String.valueOf(dialect.quote()), detected && !byName, charset.name()));
        } catch (CsvInputException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** One delimiter for the run: .tsv files are tab-separated, the others are sniffed; files that disagree are refused. */
    private static CsvDialect chooseDelimiter(List<InputFile> inputs, CsvDialect base, List<String> notes)
            throws IOException, CsvInputException {
        Map<Character, List<String>> byDelimiter = new LinkedHashMap<>();
        String firstNote = null;
        for (InputFile in : inputs) {
            char d;
            String why;
            if (tsvByName(in)) {
                d = '\t';
                why = "delimiter tab (a .tsv file)";
            } else {
                byte[] head = in.head(DialectSniffer.SNIFF_BYTES);
                DialectSniffer.Result r = DialectSniffer.sniff(head, head.length < DialectSniffer.SNIFF_BYTES, base);
                d = r.delimiter();
                why = r.oneColumn() ? null : r.describe();
            }
            byDelimiter.computeIfAbsent(d, k -> new ArrayList<>()).add(in.name());
            if (firstNote == null && why != null) {
                firstNote = in.name() + ": " + why;
            }
        }
        if (byDelimiter.size() > 1) {
            StringBuilder sb = new StringBuilder("the inputs use different delimiters (");
            byDelimiter.forEach((d, names) -> sb.append(CsvDialect.name(d)).append(": ").append(String.join(", ", names)).append("; "));
            sb.setLength(sb.length() - 2);
            throw new CsvInputException(sb + "): one run reads one dialect; run them separately, or give --delimiter");
        }
        char d = byDelimiter.keySet().iterator().next();
        if (firstNote != null) {   // one column: nothing was chosen, nothing to say
            notes.add(firstNote + (inputs.size() > 1 ? " (the same in all " + inputs.size() + " inputs)" : "")
                    + "; --delimiter to override");
        }
        return base.withDelimiter(d);
    }

    private static boolean tsvByName(InputFile in) {
        String n = in.name().toLowerCase(Locale.ROOT).replaceFirst("\\.(gz|zst)$", "");
        return n.endsWith(".tsv") || n.endsWith(".tab");
    }

    /**
     * A UTF-8 input whose first 64 KiB are not UTF-8 (Latin-1, an Excel export): every row with an
     * accent would be rejected, so say which --encoding to give before the run.
     */
    private static String charsetHint(InputFile in) throws IOException {
        if (in.transcoded()) {
            return null;
        }
        byte[] sample = in.head(DialectSniffer.SNIFF_BYTES);
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(sample);
        // endOfInput false: a character cut by the end of the head is not an error
        CoderResult r = dec.decode(bytes, CharBuffer.allocate(sample.length + 1), false);
        if (!r.isError()) {
            return null;
        }
        long line = 1;
        for (int i = 0; i < bytes.position(); i++) {
            if (sample[i] == '\n') {
                line++;
            }
        }
        return String.format(Locale.ROOT, "%s: line %d is not UTF-8 (byte 0x%02X); rows like it will be rejected. "
                + "If the file is Latin-1 or an Excel export, give --encoding windows-1252", in.name(), line, sample[bytes.position()] & 0xFF);
    }
}
