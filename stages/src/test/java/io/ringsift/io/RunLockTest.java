package io.ringsift.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lock a run holds on its directories; across processes see ConcurrentCheckUpdateLostAnUpdateTest. */
class RunLockTest {
    @TempDir
    Path dir;

    @Test
    void aSecondHolderIsRefusedNamingTheFirstAndTheFileGoesWithTheLock() throws IOException {
        Path file = dir.resolve(".ringsift.lock");
        try (RunLock first = RunLock.acquire(file, "output directory " + dir)) {
            assertThat(Files.readString(file)).startsWith("pid " + ProcessHandle.current().pid() + ", run " + RunId.current());
            // through a symbolic link to the same directory: still the same lock
            Path link = Files.createSymbolicLink(dir.resolve("link"), dir);
            assertThatThrownBy(() -> RunLock.acquire(link.resolve(".ringsift.lock"), "output directory " + link))
                    .isInstanceOf(IOException.class)
                    .hasMessageStartingWith("output directory " + link + " is in use by another ringsift run (pid "
                            + ProcessHandle.current().pid());
        }
        assertThat(file).doesNotExist();
        try (RunLock again = RunLock.acquire(file, "output directory " + dir)) {
            assertThat(file).exists();
        }
    }

    @Test
    void aLockFileLeftByADeadRunDoesNotBlock() throws IOException {
        Path file = dir.resolve(".ringsift.lock");
        Files.writeString(file, "pid 1, run x, since then: ringsift ingest csv (killed with -9)\n");
        try (RunLock lock = RunLock.acquire(file, "output directory " + dir)) {
            assertThat(Files.readString(file)).contains("run " + RunId.current());
        }
    }
}
