package io.ringsift.report;

import io.ringsift.io.AtomicFiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: report.json failing to write on a full disk surfaced as "ringsift: No space left on
 * device", naming no file. The error now names the target; the temp file is still removed and an
 * existing target is left untouched.
 */
class AtomicFilesErrorDidNotNameFileTest {
    @TempDir
    Path dir;

    @Test
    void aFailingWriteNamesTheTargetRemovesTheTempFileAndKeepsTheOldFile() throws IOException {
        Path target = dir.resolve("report.json");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write(new byte[10_000]);
            throw new IOException("No space left on device");
        })).isInstanceOf(IOException.class).hasMessage("cannot write " + target + ": No space left on device");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
        assertThat(Files.readString(target)).isEqualTo("old");
    }

    @Test
    void aRuntimeFailureInTheWriterAlsoRemovesTheTempFile() throws IOException {
        Path target = dir.resolve("fields.json");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            throw new IllegalStateException("serializer bug");
        })).isInstanceOf(IllegalStateException.class);
        try (var files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
