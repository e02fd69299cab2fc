package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringsift.testing.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code --stats-on}: wherever the column statistics are kept (the readers, the handlers, or the
 * readers handing columns over as they go), every figure of the report is the same, for any
 * number of handlers, small batches, many units, checkpoint epochs, quoted and multi-byte values
 * and rejected rows in between.
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

    /** @param checkpoint null, or a journal directory: the run then goes in epochs */
    private JsonNode ingest(Path csv, String statsOn, String stats, int readers, int handlers, Path checkpoint) throws Exception {
        Path out = dir.resolve(statsOn + "-" + stats + "-" + readers + "-" + handlers + (checkpoint == null ? "" : "-cp"));
        List<Object> args = new ArrayList<>(List.of("ingest", "csv", csv, "--key", "key", "--out", out, "--quiet", "--stats", stats,
                "--stats-on", statsOn, "--readers", readers, "--handlers", handlers, "--batch-size", 37, "--split-size", "16k"));
        if (checkpoint != null) {
            args.addAll(List.of("--checkpoint", checkpoint));
        }
        Cli.Run run = Cli.run(args.toArray());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Cli.report(out);
    }

    /**
     * One reader: its profile takes every unit in order, so even the sketch-phase figures (bounds
     * that depend on how rows are grouped) must match to the last digit.
     */
    @ParameterizedTest
    @CsvSource({"1, 1, full", "2, 2, full", "3, 3, full", "4, 2, basic"})
    void everyPlacementGivesTheSameFigures(long seed, int handlers, String stats) throws Exception {
        Path csv = writeCsv(seed);
        JsonNode onReaders = ingest(csv, "readers", stats, 1, handlers, null);
        JsonNode onHandlers = ingest(csv, "handlers", stats, 1, handlers, null);
        JsonNode auto = ingest(csv, "auto", stats, 1, handlers, null);

        assertThat(onReaders.get("rejected").asLong()).isEqualTo(6);
        assertThat(onReaders.get("fields")).hasSize(5);
        assertThat(onReaders.get("fields").get(1).get("nonEmpty").asLong()).isEqualTo(onReaders.get("records").asLong());
        for (JsonNode other : new JsonNode[] {onHandlers, auto}) {
            assertThat(other.get("records")).isEqualTo(onReaders.get("records"));
            assertThat(other.get("rejected")).isEqualTo(onReaders.get("rejected"));
            assertThat(other.get("fields")).isEqualTo(onReaders.get("fields"));
        }
    }

    /**
     * A reader holding its kept columns' values back, to feed them column by column, points into
     * its framer's buffer: the buffer (64 KiB) refills many times over one unsplit file, and every
     * held value must reach its column before it moves. Default batches (1,024 rows), so values
     * are held across refills, and values long enough that shifted bytes would change them.
     */
    @Test
    void valuesHeldAcrossBufferRefillsGiveTheSameFigures() throws Exception {
        Random rnd = new Random(7);
        StringBuilder csv = new StringBuilder("key,city,amount,note\n");
        for (int r = 0; r < 40_000; r++) {
            String note = WORDS[rnd.nextInt(WORDS.length)] + "-" + Long.toString(rnd.nextLong(), 36);
            csv.append("K").append(rnd.nextInt(30_000)).append(',')
                    .append(WORDS[12 + rnd.nextInt(2)]).append(',')
                    .append(rnd.nextInt(1_000_000) / 100.0).append(',')
                    .append('"').append(note.replace("\"", "\"\"")).append('"').append('\n');
        }
        Path f = dir.resolve("refills.csv");
        Files.writeString(f, csv, StandardCharsets.UTF_8);
        assertThat(Files.size(f)).isGreaterThan(20 * 65536L);
        JsonNode[] reports = new JsonNode[2];
        String[] placements = {"readers", "auto"};
        for (int i = 0; i < 2; i++) {
            Path out = dir.resolve("refills-" + placements[i]);
            Cli.Run run = Cli.run("ingest", "csv", f, "--key", "key", "--out", out, "--quiet", "--stats-on", placements[i],
                    "--readers", 1, "--handlers", 1);
            assertThat(run.exitCode()).as(run.err()).isZero();
            reports[i] = Cli.report(out);
        }
        assertThat(reports[1].get("records").asLong()).isEqualTo(40_000);
        assertThat(reports[1].get("fields")).isEqualTo(reports[0].get("fields"));
    }

    /**
     * Two readers take units as they come, so which rows share a profile varies from run to run
     * (and with it a sketch's bounds, with or without handing over); every exact figure must match.
     */
    @ParameterizedTest
    @CsvSource({"5, 1", "6, 2"})
    void twoReadersGiveTheSameExactFigures(long seed, int handlers) throws Exception {
        Path csv = writeCsv(seed);
        JsonNode onReaders = ingest(csv, "readers", "full", 2, handlers, null);
        JsonNode onHandlers = ingest(csv, "handlers", "full", 2, handlers, null);
        for (int f = 0; f < 5; f++) {
            JsonNode a = onReaders.get("fields").get(f);
            JsonNode b = onHandlers.get("fields").get(f);
            for (String figure : new String[] {"name", "nonEmpty", "empty", "types", "minLength", "maxLength", "min", "max", "dominantType"}) {
                assertThat(b.get(figure)).as(a.get("name") + " " + figure).isEqualTo(a.get(figure));
            }
        }
    }

    @Test
    void checkpointEpochsGiveTheSameFigures() throws Exception {
        // each epoch runs the readers afresh, and the handed columns are folded in after each one
        Path csv = writeCsv(7);
        JsonNode onReaders = ingest(csv, "readers", "full", 1, 2, dir.resolve("j-readers"));
        JsonNode onHandlers = ingest(csv, "handlers", "full", 1, 2, dir.resolve("j-handlers"));
        assertThat(onHandlers.get("records").asLong()).isEqualTo(5994);
        assertThat(onHandlers.get("fields")).isEqualTo(onReaders.get("fields"));
    }

    @ParameterizedTest
    @CsvSource({"readers", "handlers", "auto"})
    void filesWithTheirColumnsInAnotherOrderGiveTheSameFigures(String statsOn) throws Exception {
        // the second file's columns are in another order: nothing is handed over, and nothing is mixed up
        Path a = dir.resolve("a.csv");
        Path b = dir.resolve("b.csv");
        Files.writeString(a, "key,city,n\nk1,Oslo,1\nk2,Lima,22\n");
        Files.writeString(b, "n,key,city\n333,k3,Rome\n4,k1,Oslo\n");
        Path out = dir.resolve("order-" + statsOn);
        Cli.Run run = Cli.run("ingest", "csv", a, b, "--key", "key", "--out", out, "--quiet", "--stats-on", statsOn, "--handlers", 2);
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode fields = Cli.report(out).get("fields");
        assertThat(byName(fields, "city").get("max").asText()).isEqualTo("Rome");
        assertThat(byName(fields, "n").get("max").asText()).isEqualTo("333");
        assertThat(byName(fields, "key").get("distinctEstimate").asLong()).isEqualTo(3);
    }

    private static JsonNode byName(JsonNode fields, String name) {
        for (JsonNode f : fields) {
            if (f.get("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("no field " + name + " in " + fields);
    }

    @ParameterizedTest
    @CsvSource({"readers, readers, ''", "handlers, handlers, key city amount note when", "HANDLERS, handlers, key city amount note when"})
    void theReportSaysWhereTheStatisticsWere(String option, String statsOn, String handed) throws Exception {
        Path csv = writeCsv(9);
        Path out = dir.resolve("p-" + option);
        Cli.Run run = Cli.run("ingest", "csv", csv, "--key", "key", "--out", out, "--quiet", "--stats-on", option);
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode timing = Cli.report(out).get("timing");
        assertThat(timing.get("statsOn").asText()).isEqualTo(statsOn);
        List<String> names = new ArrayList<>();
        timing.get("columnsHandedOver").forEach(n -> names.add(n.asText()));
        assertThat(String.join(" ", names)).isEqualTo(handed);
    }

    @Test
    void autoOnASmallFileHandsNothingOverAndSaysSo() throws Exception {
        // a few thousand rows are far fewer than the windows the balancer waits before a move
        Path csv = writeCsv(10);
        Path out = dir.resolve("p-auto");
        Cli.Run run = Cli.run("ingest", "csv", csv, "--key", "key", "--out", out, "--quiet");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode timing = Cli.report(out).get("timing");
        assertThat(timing.get("statsOn").asText()).isEqualTo("auto");
        assertThat(timing.get("columnsHandedOver")).isEmpty();
    }

    @Test
    void noStatisticsNoPlacement() throws Exception {
        Path csv = writeCsv(11);
        Path out = dir.resolve("p-none");
        Cli.Run run = Cli.run("ingest", "csv", csv, "--key", "key", "--out", out, "--quiet", "--stats", "none");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode timing = Cli.report(out).get("timing");
        assertThat(timing.has("statsOn")).isFalse();
        assertThat(timing.has("columnsHandedOver")).isFalse();
    }

    @Test
    void anUnknownPlacementIsAUsageError() {
        Cli.Run run = Cli.run("ingest", "csv", dir.resolve("x.csv"), "--key", "key", "--out", dir.resolve("o"), "--stats-on", "gpu");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--stats-on").contains("gpu");
    }
}
