package io.ringsift.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.io.RunId;
import io.ringsift.record.Reject;
import io.ringsift.engine.RunControl;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 11, defects 11 and 6): the rejects a journal counts were flushed but not forced
 * to disk before the journal was written, and the rejects temp file had one fixed name
 * ({@code .rejects.csv.tmp}) that a second run in the same directory wrote into as well. A power
 * cut cannot be staged in a test; what is tested is the contract the journal relies on: the length
 * {@link RejectsFile#flushedLength()} returns is on disk (it is forced with
 * {@code FileChannel.force} before it is returned), a resume cuts the checkpoint's file back to
 * exactly that length, and temp names carry the run id and differ per writer.
 */
class RejectsNotSyncedBeforeTheJournalTest {
    @TempDir
    Path dir;

    private static Reject reject(int i) {
        return new Reject("bad.csv", i, null, "wrong number of fields", "x,y,z " + i);
    }

    @Test
    void theJournaledLengthIsOnDiskAndAResumeCutsBackToIt() throws Exception {
        Path work = dir.resolve("rejects.work.csv");
        Files.createDirectories(dir.resolve("out"));
        RejectsFile rejects = new RejectsFile(dir.resolve("out"), work, -1, new RunControl());
        for (int i = 1; i <= 10; i++) {
            rejects.reject(reject(i));
        }
        long journaled = rejects.flushedLength();
        // read through another descriptor while the writer is still open: nothing is left in a buffer
        assertThat(Files.size(work)).isEqualTo(journaled);
        assertThat(Files.readAllLines(work)).hasSize(11).last().asString().startsWith("bad.csv,10,");
        for (int i = 11; i <= 20; i++) {
            rejects.reject(reject(i));   // rejects of units that had not finished when the run was killed
        }
        rejects.close();
        assertThat(Files.size(work)).isGreaterThan(journaled);

        RejectsFile resumed = new RejectsFile(dir.resolve("out"), work, -1, new RunControl());
        resumed.resume(journaled, 10);
        assertThat(Files.size(work)).isEqualTo(journaled);
        resumed.reject(reject(11));
        assertThat(resumed.count()).isEqualTo(11);
        assertThat(resumed.finish(true)).isEqualTo(dir.resolve("out").resolve(RejectsFile.NAME));
        assertThat(Files.readAllLines(dir.resolve("out").resolve(RejectsFile.NAME))).hasSize(12);
        assertThat(work).as("kept until the checkpoint finishes").exists();
    }

    @Test
    void tempNamesCarryTheRunIdAndDifferPerWriter() {
        RejectsFile a = new RejectsFile(dir, -1, new RunControl());
        RejectsFile b = new RejectsFile(dir, -1, new RunControl());
        assertThat(a.workPath().getFileName().toString()).startsWith(".rejects.csv.ringsift-" + RunId.current() + "-").endsWith(".tmp");
        assertThat(a.workPath()).isNotEqualTo(b.workPath());
        assertThat(RunId.isOtherRunsTemp(a.workPath().getFileName().toString())).isFalse();
        assertThat(RunId.isOtherRunsTemp(".rejects.csv.tmp")).isTrue();
    }
}
