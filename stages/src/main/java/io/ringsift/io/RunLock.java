package io.ringsift.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An advisory lock ({@link FileChannel#tryLock()}, fcntl on Linux) on a lock file, held while a
 * run uses a directory or updates a filter. The file says who holds it (pid, run id, command,
 * start time), so a second run fails at once naming the holder instead of mixing its files with
 * the first one's. The operating system drops the lock when the holder dies, even by kill -9, so
 * a stale lock file never blocks anyone.
 *
 * <p>The file is removed on release. Removing a lock file invites a race (a waiter may lock the
 * removed file while a newcomer locks a new one), so after locking, the holder checks that the
 * path still names the file it locked (same file key before opening and after locking); if not,
 * it tries again. The check uses stat, not a read: on Linux these are POSIX record locks, which a
 * process loses when it closes any descriptor of the file, so the holder never opens it twice,
 * and a second lock in the same JVM is refused from a registry without opening the file.
 */
public final class RunLock implements AutoCloseable {
    /** Lock files this JVM holds, with their tokens: a second job in the same process must not open them. */
    private static final ConcurrentHashMap<Path, String> HELD = new ConcurrentHashMap<>();

    private final Path key;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path key, Path file, FileChannel channel, FileLock lock) {
        this.key = key;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the lock or fails at once.
     *
     * @param what what the lock protects, for the message ("output directory out")
     * @throws IOException "{@code <what> is in use by another ringsift run (<holder>)...}"
     */
    public static RunLock acquire(Path file, String what) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path key = absolute.getParent().toRealPath().resolve(absolute.getFileName());   // one key whatever links lead here
        String token = "pid " + ProcessHandle.current().pid() + ", run " + RunId.current() + ", since " + Instant.now()
                + ": " + RunId.command();
        String ours = HELD.putIfAbsent(key, token);
        if (ours != null) {
            throw inUse(what, ours, file);
        }
        try {
            for (int attempt = 0; attempt < 5; attempt++) {
                Object before = fileKey(file);
                FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    lock = ch.tryLock();
                } catch (IOException | RuntimeException e) {
                    ch.close();
                    throw e;
                }
                if (lock == null) {
                    ch.close();
                    throw inUse(what, holder(file), file);
                }
                Object after = fileKey(file);
                if (after != null && (before == null || after.equals(before))) {
                    try {
                        ch.truncate(0);
                        ch.write(ByteBuffer.wrap((token + "\n").getBytes(StandardCharsets.UTF_8)), 0);
                    } catch (IOException fullDisk) {
                        // the lock holds without its note; a second run then says "holder unknown"
                    }
                    RunLock held = new RunLock(key, file, ch, lock);
                    key = null;   // kept in HELD until close
                    return held;
                }
                // the previous holder removed the path while we opened it: lock the file that is there now
                lock.release();
                ch.close();
            }
            throw new IOException("could not lock " + file + " for " + what + ": it keeps being replaced");
        } finally {
            if (key != null) {
                HELD.remove(key);
            }
        }
    }

    private static Object fileKey(Path file) throws IOException {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static IOException inUse(String what, String holder, Path file) {
        return new IOException(what + " is in use by another ringsift run (" + holder
                + "); wait for it to finish or stop it (lock file " + file + ")");
    }

    private static String holder(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? "holder unknown" : s;
        } catch (IOException e) {
            return "holder unknown";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            Files.deleteIfExists(file);   // while still locked: a waiter then finds the path gone and retries
        } finally {
            try {
                lock.release();
            } finally {
                channel.close();
                HELD.remove(key);
            }
        }
    }
}
