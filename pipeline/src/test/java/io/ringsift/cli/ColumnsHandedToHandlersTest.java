package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringsift.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --stats-on}: wherever the column statistics are kept (the readers, the handlers, or the
 * readers handing columns over as they go), every figure of the report is the same, for any
 * number of readers and handlers, small batches, many units, quoted and multi-byte values and
 * rejected rows in between.
 */
@Timeout(120)
class ColumnsHandedToHandlersTest {
    private static final String[] WORDS = {"", "plain", "a,b", "say \"hi\"", "two\nlines", "é", "字😀", "12", "-3.5", "1e5", "true",
        "2026-01-03T10:15:00Z", "Oslo", "Lima"};

    @TempDir
    Path dir;

    private Path writeCsv(long seed) throws Exception {
        Random rnd = new Random(seed);
        StringBuilder csv = new StringBuilder("key,city,amount,note,when\n");
        for (int r = 0; r < 6000; r++) {
            if (r % 997 == 500) {
                csv.append("only,three,fields\n");   // a reject between accepted rows
                continue;
            }
            String note = WORDS[rnd.nextInt(WORDS.length)] + (rnd.nextBoolean() ? "" : Integer.toString(rnd.nextInt(5000)));
            csv.append("K").append(rnd.nextInt(4000)).append(',')
                    .append(rnd.nextInt(5) == 0 ? "\"São Paulo\"" : WORDS[12 + rnd.nextInt(2)]).append(',')
                    .append(rnd.nextInt(100_000) / 100.0).append(',')
                    .append('"').append(note.replace("\"", "\"\"")).append('"').append(',')
                    .append(rnd.nextInt(10) == 0 ? "" : "2026-0" + (1 + rnd.nextInt(9)) + "-1" + rnd.nextInt(10))
                    .append(rnd.nextBoolean() ? "\n" : "\r\n");
        }
        Path f = dir.resolve("in-" + seed + ".csv");
        Files.writeString(f, csv, StandardCharsets.UTF_8);
        return f;
    }

    private JsonNode ingest(Path csv, String statsOn, String stats, int readers, int handlers) throws Exception {
        Path out = dir.resolve(statsOn + "-" + stats + "-" + readers + "-" + handlers);
        Cli.Run run = Cli.run("ingest", "csv", csv, "--key", "key", "--out", out, "--quiet", "--stats", stats, "--stats-on", statsOn,
                "--readers", readers, "--handlers", handlers, "--batch-size", 37, "--split-size", "64k");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Cli.report(out);
    }

    @ParameterizedTest
    @CsvSource({"1, 1, 1, full", "2, 1, 2, full", "3, 2, 2, full", "4, 2, 3, basic"})
    void everyPlacementGivesTheSameFigures(long seed, int readers, int handlers, String stats) throws Exception {
        Path csv = writeCsv(seed);
        JsonNode onReaders = ingest(csv, "readers", stats, readers, handlers);
        JsonNode onHandlers = ingest(csv, "handlers", stats, readers, handlers);
        JsonNode auto = ingest(csv, "auto", stats, readers, handlers);

        assertThat(onReaders.get("rejected").asLong()).isEqualTo(6);
        assertThat(onReaders.get("fields")).hasSize(5);
        assertThat(onReaders.get("fields").get(1).get("nonEmpty").asLong()).isEqualTo(onReaders.get("records").asLong());
        for (JsonNode other : new JsonNode[] {onHandlers, auto}) {
            assertThat(other.get("records")).isEqualTo(onReaders.get("records"));
            assertThat(other.get("rejected")).isEqualTo(onReaders.get("rejected"));
            assertThat(other.get("fields")).isEqualTo(onReaders.get("fields"));
        }
    }

    @ParameterizedTest
    @CsvSource({"readers", "handlers", "auto", "HANDLERS"})
    void theOptionTakesEachPlacement(String placement) throws Exception {
        Path csv = writeCsv(9);
        Path out = dir.resolve("p-" + placement);
        Cli.Run run = Cli.run("ingest", "csv", csv, "--key", "key", "--out", out, "--quiet", "--stats-on", placement);
        assertThat(run.exitCode()).as(run.err()).isZero();
    }
}
