package io.ringsift.source.csv;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns the command line's inputs into {@link InputFile}s: a directory means the regular files
 * directly in it (not its subdirectories), in name order, filtered by {@code --glob}; {@code -}
 * means standard input, at most once.
 */
public final class InputFiles {
    private InputFiles() {
    }

    /**
     * @param glob  file-name pattern for directories ({@code *.csv}), or null for every file; names starting with a dot are skipped
     * @param notes receives one line per directory saying what was found
     */
    public static List<InputFile> open(List<Path> args, String glob, Charset charset, Consumer<String> notes)
            throws CsvInputException, IOException {
        if (args == null || args.isEmpty()) {
            throw new CsvInputException("no input files given");
        }
        PathMatcher matcher = glob == null ? null : FileSystems.getDefault().getPathMatcher("glob:" + glob);
        List<InputFile> out = new ArrayList<>();
        boolean stdin = false;
        for (Path p : args) {
            if (p.toString().equals(InputFile.STDIN)) {
                if (stdin) {
                    throw new CsvInputException("'-' (standard input) is given more than once; it can be read only once");
                }
                stdin = true;
            }
            if (Files.isDirectory(p)) {
                List<Path> found = list(p, matcher, glob, notes);
                for (Path f : found) {
                    out.add(InputFile.of(f, charset));
                }
            } else {
                out.add(InputFile.of(p, charset));
            }
        }
        return out;
    }

    private static List<Path> list(Path dir, PathMatcher matcher, String glob, Consumer<String> notes) throws CsvInputException, IOException {
        List<Path> files = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            for (Path f : ds) {
                String name = f.getFileName().toString();
                if (!Files.isRegularFile(f) || name.startsWith(".")) {
                    continue;   // subdirectories and hidden files (.DS_Store, editor temp files) are never data
                }
                if (matcher == null || matcher.matches(f.getFileName())) {
                    files.add(f);
                } else {
                    skipped.add(name);
                }
            }
        }
        files.sort(null);
        skipped.sort(null);
        String filter = glob == null ? "" : " matching --glob '" + glob + "'";
        if (files.isEmpty()) {
            throw new CsvInputException(dir + ": no files" + filter + " in this directory"
                    + (skipped.isEmpty() ? "" : " (it has " + preview(skipped) + "; change --glob)"));
        }
        notes.accept(dir + ": reading " + files.size() + (files.size() == 1 ? " file" : " files") + filter + " in name order ("
                + preview(files.stream().map(f -> f.getFileName().toString()).toList()) + ")"
                + (skipped.isEmpty() ? "" : "; skipped " + skipped.size() + " other" + (skipped.size() == 1 ? "" : "s")));
        return files;
    }

    private static String preview(List<String> names) {
        int show = Math.min(3, names.size());
        String s = String.join(", ", names.subList(0, show));
        return names.size() > show ? s + ", ... " + (names.size() - show) + " more" : s;
    }
}
