package io.ringsift.job;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ringsift.partial.Partial;
import io.ringsift.io.AtomicFiles;
import io.ringsift.source.UnitResult;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The resume journal of {@code --checkpoint DIR} (format in docs/reliability.md).
 *
 * <p>A run with a checkpoint reads its units in epochs. After each epoch the ring has drained and
 * every handler's partial is consistent, so the job writes one state file per handler
 * ({@code state-E-H.bin}: counts, Guava filter bytes, sketch, field statistics), then the journal
 * {@code journal.json} naming the finished units, their results and how much of the rejects file
 * belongs to them. Every file is written to a temp name and renamed, and the journal last, so a
 * kill -9 at any moment leaves the previous epoch's journal pointing at complete state files.
 * {@code --resume} restores the partials, skips the finished units, and cuts the rejects file
 * ({@value #REJECTS}, here, not in {@code --out}: it must outlive any stop) back to the recorded
 * length: no unit is counted twice and none is skipped. The journal is marked complete only after
 * every output is written, so a kill at any moment before that leaves a run {@code --resume} can
 * finish.
 */
public final class Checkpoint {
    public static final String JOURNAL = "journal.json";
    /** The run's rejects while it is journaled; copied to rejects.csv at every end, removed by {@link #finish()}. */
    public static final String REJECTS = "rejects.work.csv";
    static final int VERSION = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * journal.json.
     *
     * @param fingerprint   what the run reads and how: a resume must match it exactly
     * @param handlers      the handler count (key partitioning depends on it)
     * @param epoch         epochs finished; state files are {@code state-<epoch>-<handler>.bin}
     * @param results       results of the finished units
     * @param rejectsLength bytes of the rejects temp file written by finished units
     */
    public record Journal(int version, String fingerprint, int handlers, boolean complete, int epoch,
                          List<UnitResult> results, long rejectsLength, long rejects, long elapsedNanos) {}

    private final Path dir;
    private Journal journal;

    private Checkpoint(Path dir, Journal journal) {
        this.dir = dir;
        this.journal = journal;
    }

    /**
     * Opens the checkpoint directory. Starting fresh refuses a directory holding an unfinished run
     * (so it is never overwritten by mistake); resuming requires a journal with the same fingerprint.
     */
    public static Checkpoint open(Path dir, String fingerprint, int handlers, boolean resume) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IOException("--checkpoint " + dir + " is a file, not a directory");
        }
        Path journalFile = dir.resolve(JOURNAL);
        Journal existing = Files.exists(journalFile) ? JSON.readValue(journalFile.toFile(), Journal.class) : null;
        if (!resume) {
            if (existing != null && !existing.complete()) {
                throw new IOException(dir + " holds an unfinished run: add --resume to continue it, or remove the directory");
            }
            Files.createDirectories(dir);
            Checkpoint c = new Checkpoint(dir, new Journal(VERSION, fingerprint, handlers, false, 0, List.of(), 0, 0, 0));
            c.deleteStates(-1);
            Files.deleteIfExists(c.rejectsWork());
            AtomicFiles.write(journalFile, out -> out.write(JSON.writeValueAsBytes(c.journal)));
            return c;
        }
        if (existing == null) {
            throw new IOException("nothing to resume: " + journalFile + " does not exist");
        }
        if (existing.version() != VERSION) {
            throw new IOException(journalFile + ": journal version " + existing.version() + " is not " + VERSION);
        }
        if (existing.complete()) {
            throw new IOException("nothing to resume: the run journaled in " + dir + " already finished");
        }
        if (!existing.fingerprint().equals(fingerprint)) {
            throw new IOException("cannot resume from " + dir + ": the inputs or options differ from the checkpointed run"
                    + " (journaled: " + existing.fingerprint() + "; now: " + fingerprint + ")");
        }
        if (existing.handlers() != handlers) {
            throw new IOException("cannot resume from " + dir + ": it was made with --handlers " + existing.handlers()
                    + "; resume with the same handler count (keys are partitioned by it)");
        }
        return new Checkpoint(dir, existing);
    }

    /** Where the run's rejects are written while it is journaled. */
    public Path rejectsWork() {
        return dir.resolve(REJECTS);
    }

    public Journal journal() {
        return journal;
    }

    /** Loads each handler's state of the last finished epoch into the fresh partials (none after epoch 0). */
    public void restore(List<? extends Partial<?>> partials) throws IOException {
        if (journal.epoch() == 0) {
            return;
        }
        for (int i = 0; i < partials.size(); i++) {
            try (InputStream in = new BufferedInputStream(Files.newInputStream(state(journal.epoch(), i)), 1 << 16)) {
                partials.get(i).readFrom(new DataInputStream(in));
            }
        }
    }

    /** Records a finished epoch: state files first, then the journal that points at them. */
    public void save(List<? extends Partial<?>> partials, List<UnitResult> results, long rejectsLength, long rejects, long elapsedNanos)
            throws IOException {
        int epoch = journal.epoch() + 1;
        for (int i = 0; i < partials.size(); i++) {
            Partial<?> p = partials.get(i);
            AtomicFiles.write(state(epoch, i), out -> {
                DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
                p.writeTo(data);
                data.flush();
            });
        }
        Journal next = new Journal(VERSION, journal.fingerprint(), journal.handlers(), false, epoch, new ArrayList<>(results),
                rejectsLength, rejects, elapsedNanos);
        AtomicFiles.write(dir.resolve(JOURNAL), out -> out.write(JSON.writeValueAsBytes(next)));
        journal = next;
        deleteStates(epoch);
    }

    /** Marks the run finished and drops the state files: the outputs hold everything now. */
    public void finish() throws IOException {
        Journal done = new Journal(VERSION, journal.fingerprint(), journal.handlers(), true, journal.epoch(), journal.results(),
                journal.rejectsLength(), journal.rejects(), journal.elapsedNanos());
        AtomicFiles.write(dir.resolve(JOURNAL), out -> out.write(JSON.writeValueAsBytes(done)));
        journal = done;
        deleteStates(-1);
        Files.deleteIfExists(rejectsWork());
    }

    private Path state(int epoch, int handler) {
        return dir.resolve("state-" + epoch + "-" + handler + ".bin");
    }

    /** Deletes state files of every epoch but {@code keep}. */
    private void deleteStates(int keep) throws IOException {
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "state-*.bin")) {
            for (Path p : ds) {
                if (!p.getFileName().toString().startsWith("state-" + keep + "-")) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
