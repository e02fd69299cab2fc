package io.ringsift.io;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.Predicate;

/**
 * Writes a file so that it either appears complete or not at all: write a hidden temp file beside
 * it, force it to disk, rename it over the target, then sync the directory so the rename itself is
 * durable. A crash, a full disk or an exception leaves no half-written file that looks finished,
 * and the temp file is removed. Every output of ringsift (filters, reports, rejects, check output,
 * generated data, checkpoint state) goes through here.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes the content; may close the stream it is given (closing is absorbed). */
    @FunctionalInterface
    public interface Body<T> {
        T write(OutputStream out) throws IOException;
    }

    /** Writes the content and returns nothing. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    public static void write(Path target, Writer body) throws IOException {
        write(target, "", out -> {
            body.write(out);
            return null;
        });
    }

    /**
     * @param what words put before the path in the error message ("filter file " gives
     *             "cannot write filter file out/filter.bf: No space left on device")
     */
    public static <T> T write(Path target, String what, Body<T> body) throws IOException {
        Path absolute = throughLinks(target.toAbsolutePath());
        Path tmp = null;
        try {
            tmp = absolute.resolveSibling(tempName(absolute));
            T result;
            // CREATE_NEW, not Files.createTempFile: that makes the file owner-only (0600), and the
            // rename would hand those permissions to the output; CREATE_NEW honours the umask
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(new NonClosing(Channels.newOutputStream(ch)), 1 << 16);
                result = body.write(out);
                out.flush();
                ch.force(true);
            }
            moveInto(tmp, absolute);
            tmp = null;
            syncDirectory(absolute.getParent());
            return result;
        } catch (IOException | RuntimeException | Error e) {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            if (e instanceof IOException) {
                throw new IOException("cannot write " + what + target + ": " + e.getMessage(), e);
            }
            throw e;
        }
    }

    /**
     * A hidden sibling name carrying this run's id ({@link RunId}), unique enough that concurrent
     * writers of one target never share it, and recognisable as stale by the next run.
     */
    public static String tempName(Path target) {
        return RunId.tempName(target.getFileName().toString());
    }

    /**
     * Where writing {@code target} really goes: a symbolic link is followed to the file it names, so
     * the rename replaces that file and not the link (UpdateThroughSymlinkReplacedTheLinkTest).
     */
    static Path throughLinks(Path target) throws IOException {
        Path p = target;
        for (int hops = 0; Files.isSymbolicLink(p); hops++) {
            if (hops == 40) {
                throw new IOException(target + ": too many levels of symbolic links");
            }
            p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
        }
        return p;
    }

    /**
     * Removes temp files that other (dead) runs left in {@code dir}: call it only while holding
     * the directory's lock, so no live run can own them. Returns how many were removed.
     */
    public static int removeStaleTemps(Path dir, Predicate<String> forTarget) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                if (RunId.isOtherRunsTemp(name) && forTarget.test(name) && Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)
                        && Files.deleteIfExists(p)) {
                    removed++;
                }
            }
        }
        return removed;
    }

    /** Renames {@code tmp} over {@code target}, atomically where the file system allows it. */
    public static void moveInto(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Makes a rename durable on POSIX file systems; others cannot open a directory, which is fine. */
    private static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: the file content is already on disk
        }
    }

    /** Bodies (Jackson, CSVPrinter) close what they write to; the channel must stay open to be forced. */
    private static final class NonClosing extends FilterOutputStream {
        NonClosing(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
