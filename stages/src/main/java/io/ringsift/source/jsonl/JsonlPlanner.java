package io.ringsift.source.jsonl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Checks JSON input files and cuts them into work units before any document is read.
 *
 * <p>A JSON Lines file larger than {@code 2 × splitBytes} is cut into byte ranges for parallel
 * readers when there is more than one reader. A JSON string cannot hold a raw line break (RFC 8259
 * section 7: control characters must be escaped), so every line feed ends a record, and a range that
 * starts just after one starts on a record: no state to carry, unlike quoted CSV. The cut points
 * and their line numbers come from one pass that counts line feeds.
 *
 * <p>A file whose first non-blank character (after an optional UTF-8 byte order mark) is {@code [}
 * is a JSON array of documents: one unit, read as a stream, not split.
 */
public final class JsonlPlanner {
    /** Default smallest range worth a unit of its own. */
    public static final long DEFAULT_SPLIT_BYTES = 32L << 20;

    private final int readers;
    private final long splitBytes;

    public JsonlPlanner(int readers, long splitBytes) {
        if (readers < 1) {
            throw new IllegalArgumentException("Readers (" + readers + ") must be >= 1");
        }
        if (splitBytes < 1) {
            throw new IllegalArgumentException("Split size (" + splitBytes + ") must be >= 1");
        }
        this.readers = readers;
        this.splitBytes = splitBytes;
    }

    /** True when {@code p} is named like a JSON input: {@code .jsonl}, {@code .ndjson} or {@code .json}. */
    public static boolean isJsonName(Path p) {
        String n = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".jsonl") || n.endsWith(".ndjson") || n.endsWith(".json");
    }

    public List<JsonlUnit> plan(List<Path> paths) throws JsonlInputException, IOException {
        if (paths.isEmpty()) {
            throw new JsonlInputException("no input files given");
        }
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new JsonlInputException(p + ": no such file");
            }
            if (Files.isDirectory(p)) {
                throw new JsonlInputException(p + ": is a directory, not a file");
            }
            if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
                throw new JsonlInputException(p + ": not a readable file");
            }
        }
        List<JsonlUnit> units = new ArrayList<>();
        for (Path p : paths) {
            long size = Files.size(p);
            if (isArray(p)) {
                units.add(new JsonlUnit(units.size(), p, 0, size, 1, size, true));
            } else {
                cut(p, size, units);
            }
        }
        return units;
    }

    /** The first non-blank character after an optional BOM is '['. */
    static boolean isArray(Path p) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] head = in.readNBytes(4096);
            int i = head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF ? 3 : 0;
            while (i < head.length && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
                i++;
            }
            return i < head.length && head[i] == '[';
        }
    }

    private void cut(Path p, long size, List<JsonlUnit> units) throws IOException {
        long pieces = readers > 1 ? Math.min(readers * 4L, size / splitBytes) : 1;
        if (pieces < 2) {
            units.add(new JsonlUnit(units.size(), p, 0, size, 1, size, false));
            return;
        }
        long step = size / pieces;
        long start = 0;
        long startLine = 1;
        long target = step;
        long line = 1;
        long pos = 0;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(p)) {
            int n;
            while ((n = in.read(buf)) > 0 && pos < size) {
                for (int i = 0; i < n; i++) {
                    if (buf[i] == '\n') {
                        line++;
                        long next = pos + i + 1;   // a range starts just after a line feed
                        if (next >= target && next < size) {
                            units.add(new JsonlUnit(units.size(), p, start, next, startLine, size, false));
                            start = next;
                            startLine = line;
                            target = next + step;
                        }
                    }
                }
                pos += n;
            }
        }
        units.add(new JsonlUnit(units.size(), p, start, size, startLine, size, false));
    }
}
