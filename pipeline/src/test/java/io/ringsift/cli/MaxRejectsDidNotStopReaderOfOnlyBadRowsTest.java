package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringsift.testing.Cli;
import io.ringsift.testing.NoThreadsLeft;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression: a reader noticed the stop request only after publishing a batch, so input made of
 * nothing but bad records (say, the wrong delimiter) was read to the end with every record written
 * to rejects.csv, however small {@code --max-rejects} was: {@code --max-rejects 0} on 20,000 bad
 * rows wrote 20,000 rejects. With one reader the run now stops at the first reject past the limit.
 */
@Timeout(60)
class MaxRejectsDidNotStopReaderOfOnlyBadRowsTest {
    @TempDir
    Path dir;

    private static long dataRows(Path rejectsCsv) throws IOException {
        try (var lines = Files.lines(rejectsCsv)) {
            return lines.count() - 1;   // one line per reject here: no raw text contains a newline
        }
    }

    @Test
    void csvOfOnlyBadRowsStopsAtTheLimit() throws IOException {
        StringBuilder sb = new StringBuilder("key,v\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append("k").append(i).append(";v").append(i).append('\n');   // ';' where ',' was meant: one field short
        }
        Path f = dir.resolve("semicolons.csv");
        Files.writeString(f, sb);
        Path out = dir.resolve("o");
        // --delimiter given: left to itself the sniffer would (rightly) read these rows as ';'-separated
        Cli.Run r = Cli.run("ingest", "csv", "-q", "--delimiter", ",", "--readers", 1, "--max-rejects", 10, "--key", "key", "--out", out, f);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(4);
        JsonNode rep = Cli.report(out);
        assertThat(rep.get("stopReason").asText()).isEqualTo("too_many_rejects");
        assertThat(rep.get("rejected").asLong()).isEqualTo(11);
        assertThat(dataRows(out.resolve("rejects.csv"))).isEqualTo(11);
        assertThat(out.resolve("filter.bf")).doesNotExist();
        NoThreadsLeft.check();
    }

    @Test
    void mongoDocumentsWithoutTheKeyStopAtTheLimit() throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            sb.append("{\"_id\": ").append(i).append(", \"name\": \"n").append(i).append("\"}\n");
        }
        Path f = dir.resolve("nokey.jsonl");
        Files.writeString(f, sb);
        Path out = dir.resolve("m");
        Cli.Run r = Cli.run("ingest", "mongo", "-q", "--embedded", f, "--key", "email", "--readers", 1, "--partitions", 1,
                "--max-rejects", 5, "--out", out);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(4);
        JsonNode rep = Cli.report(out);
        assertThat(rep.get("rejected").asLong()).isEqualTo(6);
        assertThat(dataRows(out.resolve("rejects.csv"))).isEqualTo(6);
        NoThreadsLeft.check();
    }
}
