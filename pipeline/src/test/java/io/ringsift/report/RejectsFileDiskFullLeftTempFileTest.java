package io.ringsift.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.ringsift.record.Reject;
import io.ringsift.engine.RunControl;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: when the disk filled while rejects were written, {@code .rejects.csv.tmp} stayed
 * behind (holding the space), its file stayed open (so deleting it would not free the space either), and the error was a bare
 * "No space left on device" naming no file. The temp file is routed to {@code /dev/full}, which
 * fails every write with ENOSPC, as a full disk does.
 */
class RejectsFileDiskFullLeftTempFileTest {
    @TempDir
    Path dir;

    /** Open file descriptors of this JVM on /dev/full (a leaked one would keep a deleted file's space). */
    private static long openOnDevFull() throws java.io.IOException {
        try (var fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.filter(fd -> {
                try {
                    return Files.readSymbolicLink(fd).toString().equals("/dev/full");
                } catch (java.io.IOException | UnsupportedOperationException e) {
                    return false;
                }
            }).count();
        }
    }

    private static Reject reject(int i) {
        return new Reject("bad.csv", i, null, "wrong number of fields", "x".repeat(200));
    }

    @Test
    void aFailedWriteRemovesTheTempFileAndNamesTheRejectsFile() throws Exception {
        Path devFull = Path.of("/dev/full");
        assumeThat(Files.exists(devFull)).as("/dev/full (Linux)").isTrue();
        Files.createSymbolicLink(dir.resolve(".rejects.csv.tmp"), devFull);
        long openBefore = openOnDevFull();
        RejectsFile rejects = new RejectsFile(dir, -1, new RunControl());

        // the first 8 KiB are buffered; the write that flushes them fails
        assertThatThrownBy(() -> {
            for (int i = 1; i < 1000; i++) {
                rejects.reject(reject(i));
            }
        }).isInstanceOf(UncheckedIOException.class)
                .hasMessage("cannot write " + dir.resolve("rejects.csv") + ": No space left on device");
        assertThat(dir.resolve(".rejects.csv.tmp")).doesNotExist();
        assertThat(openOnDevFull()).as("file left open").isEqualTo(openBefore);

        // every later reject fails the same way, and finishing leaves nothing behind
        assertThatThrownBy(() -> rejects.reject(reject(2000))).hasMessageContaining("No space left on device");
        assertThat(rejects.finish(true)).isNull();
        rejects.close();
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void aFailureWhenTheLastRejectsAreFlushedFailsFinishAndRemovesTheTempFile() throws Exception {
        Path devFull = Path.of("/dev/full");
        assumeThat(Files.exists(devFull)).as("/dev/full (Linux)").isTrue();
        Files.createSymbolicLink(dir.resolve(".rejects.csv.tmp"), devFull);
        long openBefore = openOnDevFull();
        RejectsFile rejects = new RejectsFile(dir, -1, new RunControl());
        rejects.reject(reject(1));   // fits the buffer: the error comes only on close

        assertThatThrownBy(() -> rejects.finish(true))
                .hasMessage("cannot write " + dir.resolve("rejects.csv") + ": No space left on device");
        assertThat(openOnDevFull()).as("file left open").isEqualTo(openBefore);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
