package io.ringsift.job;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import io.ringsift.engine.RingEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 11, defect 9): a full disk while {@code check --new} wrote its rows failed with
 * "ringsift-handler-2 failed ...: No space left on device", naming a thread instead of the file.
 * The check writer now names the {@code --new}/{@code --seen} file and the part file it was writing.
 */
class DiskFullInCheckNamedTheHandlerTest {
    @TempDir
    Path dir;

    @Test
    void aFullDiskNamesTheNewFile() throws IOException {
        Path devFull = Path.of("/dev/full");
        assumeThat(Files.exists(devFull)).as("/dev/full (Linux)").isTrue();
        Path parts = Files.createDirectory(dir.resolve(".new.csv.parts-1"));
        Files.createSymbolicLink(CheckWriter.part(parts, 7), devFull);
        Path target = dir.resolve("new.csv");
        CheckWriter writer = new CheckWriter(parts, target, null, null);
        RingEvent event = new RingEvent(4);
        event.batch().reset(7);
        event.batch().add(1, 2, 2, null, "a,1\n".getBytes(StandardCharsets.UTF_8));
        assertThatThrownBy(() -> writer.onEvent(event, 0, true))
                .isInstanceOf(IOException.class)
                .hasMessage("cannot write --new " + target + " (part file " + CheckWriter.part(parts, 7) + "): No space left on device");
    }
}
