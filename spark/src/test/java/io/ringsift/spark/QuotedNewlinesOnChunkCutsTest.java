package io.ringsift.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringsift.cli.Main;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file that is mostly quoted newlines, cut into pieces of a few bytes: nearly every cut falls
 * inside a quoted field (or between the CR and LF of a CRLF), where a line-based splitter would
 * start a record. The chunk summaries and the prefix pass must still start every map task on a
 * true record with its exact line: the Spark run equals a local single-reader run, rejects' lines
 * included.
 */
class QuotedNewlinesOnChunkCutsTest {
    @TempDir
    Path dir;

    @Test
    void tinyChunksGiveTheSameRecordsAndLinesAsOneReader() throws IOException {
        Random r = new Random(42);
        StringBuilder csv = new StringBuilder("id,text,n\r\n");
        int quotedLines = 0;
        for (int i = 0; i < 120; i++) {
            String id = "id" + r.nextInt(80);
            switch (r.nextInt(6)) {
                case 0 -> csv.append(id).append(",\"a\r\nb\nc\rd\",1\r\n");
                case 1 -> csv.append(id).append(",\"\"\"quoted\"\"\n,\n\"\"\",2\n");
                case 2 -> csv.append(id).append(",\"x\" y,3\n");              // bad: text after the closing quote
                case 3 -> csv.append(id).append(",\"\n\n\n\",4\r\n");
                default -> csv.append(id).append(",plain,5\n");
            }
            quotedLines++;
        }
        Path file = dir.resolve("quoted.csv");
        Files.writeString(file, csv, StandardCharsets.UTF_8);

        Path local = dir.resolve("local");
        assertThat(Main.run("ingest", "csv", "--key", "id", "--out", local.toString(), "--expected-keys", "200", "--readers", "1",
                "--handlers", "1", "-q", file.toString())).isZero();
        Path spark = dir.resolve("spark");
        assertThat(SparkMain.run(LocalSpark.context(), "ingest", "csv", "--key", "id", "--out", spark.toString(), "--expected-keys",
                "200", "--chunk-size", "7", "--partitions", "3", "-q", file.toString())).isZero();

        Outputs.assertSame(spark, local);
        JsonNode report = Outputs.report(spark);
        assertThat(report.get("records").asLong() + report.get("rejected").asLong()).isEqualTo(quotedLines);
        assertThat(report.get("rejected").asLong()).isPositive();
        // most 7-byte pieces start inside a record: far fewer map tasks than pieces, but more than one
        long pieces = Files.size(file) / 7;
        assertThat(report.get("timing").get("readers").asLong()).isGreaterThan(10).isLessThan(pieces);
    }
}
