package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringsift.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fields FILE.csv}, the ingest summary and report.json {@code fields[]} against a table
 * worked out by hand. The case: "CSV has no column summary: the summary says fields 7".
 */
@Timeout(120)
class CsvColumnSummaryTest {
    @TempDir
    Path dir;

    static final String CSV = """
            id,amount,city,flag,when,note
            1,10.5,Oslo,true,2026-01-03,
            2,-3,Lima,false,2026-01-04,x
            3,10.50,Oslo,TRUE,2026-01-05,
            4,abc,Oslo,,2026-01-06,hello
            5,1e3,Lima,yes,,
            """;

    /** name | nonEmpty | empty | dominantType | min | max | minMaxBy | distinct | frequent values "value:count" */
    static final String[][] EXPECTED = {
        {"id", "5", "0", "integer", "1", "5", "number", "5", "1:1 2:1 3:1 4:1 5:1"},
        {"amount", "5", "0", "decimal", "-3", "1e3", "number", "5", "-3:1 10.5:1 10.50:1 1e3:1 abc:1"},
        {"city", "5", "0", "text", "Lima", "Oslo", "length", "2", "Oslo:3 Lima:2"},
        {"flag", "4", "1", "boolean", "yes", "false", "length", "4", "TRUE:1 false:1 true:1 yes:1"},
        {"when", "4", "1", "date-time", "2026-01-03", "2026-01-06", "length", "4", "2026-01-03:1 2026-01-04:1 2026-01-05:1 2026-01-06:1"},
        {"note", "2", "3", "text", "x", "hello", "length", "2", "hello:1 x:1"},
    };

    private static void assertHandTable(JsonNode fields) {
        assertThat(fields).hasSize(EXPECTED.length);
        for (int i = 0; i < EXPECTED.length; i++) {
            String[] e = EXPECTED[i];
            JsonNode f = fields.get(i);
            assertThat(f.get("name").asText()).isEqualTo(e[0]);
            assertThat(f.get("nonEmpty").asText()).as(e[0]).isEqualTo(e[1]);
            assertThat(f.get("empty").asText()).as(e[0]).isEqualTo(e[2]);
            assertThat(f.get("dominantType").asText()).as(e[0]).isEqualTo(e[3]);
            assertThat(f.get("min").asText()).as(e[0]).isEqualTo(e[4]);
            assertThat(f.get("max").asText()).as(e[0]).isEqualTo(e[5]);
            assertThat(f.get("minMaxBy").asText()).as(e[0]).isEqualTo(e[6]);
            assertThat(f.get("distinctEstimate").asText()).as(e[0]).isEqualTo(e[7]);
            assertThat(f.get("distinctExact").asBoolean()).isTrue();
            assertThat(f.get("frequentValuesExact").asBoolean()).isTrue();
            assertThat(f.get("frequentValuesMaxError").asLong()).isZero();
            List<String> freq = new ArrayList<>();
            f.get("frequentValues").forEach(v -> freq.add(v.get("value").asText() + ":" + v.get("count").asLong()));
            assertThat(String.join(" ", freq)).as(e[0]).isEqualTo(e[8]);
            // the original six figures are still there, unchanged in name
            assertThat(f.has("types") && f.has("minLength") && f.has("maxLength")).isTrue();
        }
        assertThat(fields.get(1).get("types").get("decimal").asLong()).isEqualTo(3);
        assertThat(fields.get(1).get("types").get("integer").asLong()).isEqualTo(1);
        assertThat(fields.get(1).get("types").get("text").asLong()).isEqualTo(1);
    }

    @Test
    void fieldsOnACsvFilePrintsTheTableAndJsonToStdout() throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, CSV);
        Cli.Run table = Cli.run("fields", f);
        assertThat(table.exitCode()).as(table.err()).isZero();
        assertThat(table.out()).contains("t.csv: 5 rows, 6 columns");
        assertThat(table.out()).containsPattern("amount +5 +100\\.0% +decimal 60%, integer 20%, text 20% +0 +-3 \\.\\. 1e3 +5");
        assertThat(table.out()).containsPattern("city .* Oslo \\(3\\), Lima \\(2\\)");
        Cli.Run json = Cli.run("fields", f, "--json", "-");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode r = new ObjectMapper().readTree(json.out());
        assertThat(r.get("records").asLong()).isEqualTo(5);
        assertHandTable(r.get("fields"));
    }

    @Test
    void ingestReportAndSummaryCarryTheSameTable() throws Exception {
        Path f = dir.resolve("t.csv");
        Files.writeString(f, CSV);
        Path out = dir.resolve("o");
        Cli.Run r = Cli.run("ingest", "csv", "--key", "id", "--readers", 2, "--handlers", 2, "--out", out, f);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertHandTable(Cli.report(out).get("fields"));
        assertThat(r.out()).contains("most frequent").containsPattern("city .* Oslo \\(3\\), Lima \\(2\\)");
        Cli.Run info = Cli.run("info", "--json", out.resolve("filter.bf"));
        assertThat(info.exitCode()).as(info.err()).isZero();
        JsonNode i = new ObjectMapper().readTree(info.out());
        assertThat(i.get("header").get("keySpec").asText()).isEqualTo("id");
        assertThat(i.get("header").get("records").asLong()).isEqualTo(5);
        assertThat(i.get("keysEstimated").asLong()).isEqualTo(5);
    }
}
