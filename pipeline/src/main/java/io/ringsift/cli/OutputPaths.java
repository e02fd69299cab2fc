package io.ringsift.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * Refuses, before any work, an output that would replace an input, the filter or another output
 * ({@code check --new day2.csv day2.csv}, {@code --new f.bf --filter f.bf}, {@code --new X --seen X},
 * {@code ingest --out d d/rejects.csv}): exit 2 naming both. Paths are compared by real path
 * (symbolic links and {@code ..} resolved, the nearest existing parent for a file not yet made)
 * and, for files that exist, by file key, so a hard link is caught too.
 */
final class OutputPaths {
    private final Map<Path, String> byPath = new HashMap<>();
    private final Map<Object, String> byKey = new HashMap<>();

    /** Something the run reads. */
    OutputPaths input(String label, Path p) {
        remember(label, p);
        return this;
    }

    /** Something the run writes: it must not be anything added before. */
    OutputPaths output(String label, Path p) {
        Path real = real(p);
        String clash = byPath.get(real);
        Object key = key(p);
        if (clash == null && key != null) {
            clash = byKey.get(key);
        }
        if (clash != null) {
            throw new IllegalArgumentException(label + " is the same file as " + clash
                    + ": writing it would destroy what the run reads or writes there; choose another path");
        }
        remember(label, p);
        return this;
    }

    private void remember(String label, Path p) {
        byPath.putIfAbsent(real(p), label);
        Object key = key(p);
        if (key != null) {
            byKey.putIfAbsent(key, label);
        }
    }

    private static Object key(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
        } catch (IOException e) {
            return null;
        }
    }

    /** The real path of {@code p}, or of its nearest existing ancestor with the rest appended. */
    static Path real(Path p) {
        Path abs = p.toAbsolutePath().normalize();
        try {
            return abs.toRealPath();
        } catch (IOException e) {
            Path parent = abs.getParent();
            return parent == null ? abs : real(parent).resolve(abs.getFileName());
        }
    }
}
