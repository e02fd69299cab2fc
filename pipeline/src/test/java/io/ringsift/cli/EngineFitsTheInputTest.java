package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringsift.engine.EngineSettings;
import io.ringsift.engine.WaitKind;
import io.ringsift.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small input runs on one reader, one handler and a short ring, unless the user asked for more; the counts do not change. */
class EngineFitsTheInputTest {
    @TempDir
    Path dir;

    @Test
    void fitToCapsReadersAtUnitsAndShrinksASmallRun() {
        EngineSettings big = new EngineSettings(8, 8, 1024, 64, WaitKind.BLOCKING);
        assertThat(big.fitTo(3, EngineSettings.SMALL_INPUT)).isEqualTo(new EngineSettings(3, 8, 1024, 64, WaitKind.BLOCKING));
        assertThat(big.fitTo(1, 100)).isEqualTo(new EngineSettings(1, 1, 1024, EngineSettings.SMALL_RING, WaitKind.BLOCKING));
        assertThat(big.fitTo(0, 0).readers()).isEqualTo(1);
    }

    @Test
    void explicitThreadCountsAreKeptAndTheCountsAreTheSame() throws IOException {
        Path f = dir.resolve("small.csv");
        Files.writeString(f, "key,v\na,1\nb,2\na,3\n");
        Cli.Run fitted = Cli.run("ingest", "csv", "--key", "key", "-q", "--out", dir.resolve("a"), f);
        Cli.Run asked = Cli.run("ingest", "csv", "--key", "key", "-q", "--handlers", 3, "--readers", 2, "--out", dir.resolve("b"), f);
        assertThat(fitted.exitCode()).as(fitted.err()).isZero();
        assertThat(asked.exitCode()).as(asked.err()).isZero();
        JsonNode a = Cli.report(dir.resolve("a"));
        JsonNode b = Cli.report(dir.resolve("b"));
        assertThat(a.get("timing").get("readers").asInt()).isEqualTo(1);
        assertThat(a.get("timing").get("handlers").asInt()).isEqualTo(1);
        assertThat(b.get("timing").get("readers").asInt()).isEqualTo(2);
        assertThat(b.get("timing").get("handlers").asInt()).isEqualTo(3);
        assertThat(a.get("records").asLong()).isEqualTo(3).isEqualTo(b.get("records").asLong());
        assertThat(a.get("duplicateRecords").asLong()).isEqualTo(1).isEqualTo(b.get("duplicateRecords").asLong());
    }
}
