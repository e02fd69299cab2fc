package io.ringsift.job;

import io.ringsift.io.AtomicFiles;
import io.ringsift.io.RunId;
import io.ringsift.io.RunLock;
import io.ringsift.report.RejectsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The directories a run writes: {@code --out} and, when given, {@code --checkpoint}. Opening them
 * proves {@code --out} writable, takes an advisory lock on each ({@link RunLock}: a second run on
 * the same directory fails at once naming the holder) and removes temp files that a dead run left
 * there. Only then, after every other check has passed too, does the job call
 * {@link #clearPreviousOutputs()}: a refused run never deletes an earlier run's outputs.
 */
public final class RunDirectory implements AutoCloseable {
    public static final String LOCK_FILE = ".ringsift.lock";
    /** The outputs of a run in {@code --out}: an earlier run's are removed when a new run starts. */
    static final List<String> OUTPUTS = List.of(IngestJob.FILTER_FILE, IngestJob.REPORT_FILE, RejectsFile.NAME);

    private final Path out;
    private final RunLock outLock;
    private final RunLock checkpointLock;

    private RunDirectory(Path out, RunLock outLock, RunLock checkpointLock) {
        this.out = out;
        this.outLock = outLock;
        this.checkpointLock = checkpointLock;
    }

    /**
     * @param out        the output directory, created if missing
     * @param checkpoint the checkpoint directory, or null
     */
    public static RunDirectory open(Path out, Path checkpoint) throws IOException {
        prepare(out);
        RunLock outLock = RunLock.acquire(out.resolve(LOCK_FILE), "output directory " + out);
        RunLock cpLock = null;
        try {
            AtomicFiles.removeStaleTemps(out, name -> OUTPUTS.stream().anyMatch(o -> name.startsWith("." + o + "."))
                    || name.startsWith(".ringsift-probe"));
            if (checkpoint != null) {
                if (Files.exists(checkpoint) && !Files.isDirectory(checkpoint)) {
                    throw new IOException("--checkpoint " + checkpoint + " is a file, not a directory");
                }
                Files.createDirectories(checkpoint);
                if (!Files.isSameFile(checkpoint, out)) {
                    cpLock = RunLock.acquire(checkpoint.resolve(LOCK_FILE), "checkpoint directory " + checkpoint);
                }
                AtomicFiles.removeStaleTemps(checkpoint, name -> true);
            }
            return new RunDirectory(out, outLock, cpLock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(cpLock, e);
            closeQuietly(outLock, e);
            throw e;
        }
    }

    /**
     * Locks a filter file that {@code check --update} is about to read and rewrite, so two updates
     * never lose one another's keys; removes the temp files a dead update left beside it.
     *
     * @param realFilter the filter's real path (symbolic links resolved: the lock guards the file
     *                   that is rewritten, whatever link names it)
     */
    public static RunLock lockFilter(Path realFilter) throws IOException {
        String name = realFilter.getFileName().toString();
        RunLock lock = RunLock.acquire(realFilter.resolveSibling("." + name + ".lock"), "filter " + realFilter);
        try {
            AtomicFiles.removeStaleTemps(realFilter.toAbsolutePath().getParent(), n -> n.startsWith("." + name + "."));
        } catch (IOException e) {
            closeQuietly(lock, e);
            throw e;
        }
        return lock;
    }

    /** Removes an earlier run's outputs, so a run that stops early never leaves an older filter beside its report. */
    public void clearPreviousOutputs() throws IOException {
        for (String name : OUTPUTS) {
            Files.deleteIfExists(out.resolve(name));
        }
    }

    /** Creates the output directory and proves it writable before any work is done. */
    public static Path prepare(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("output directory " + dir + " is a file, not a directory");
        }
        try {
            Files.createDirectories(dir);
            Path probe = dir.resolve(RunId.tempName("ringsift-probe"));
            Files.createFile(probe);
            Files.delete(probe);
        } catch (IOException e) {
            throw new IOException("output directory " + dir + " is not writable: " + e.getMessage(), e);
        }
        return dir;
    }

    @Override
    public void close() throws IOException {
        try {
            if (checkpointLock != null) {
                checkpointLock.close();
            }
        } finally {
            outLock.close();
        }
    }

    private static void closeQuietly(AutoCloseable c, Exception into) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            into.addSuppressed(e);
        }
    }
}
