package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringsift.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression, found on a real tab-separated package index (886k lines): quote characters there are
 * text, and each value that began with one opened a quoted field that swallowed the lines up to the
 * next quote. 8,343 lines went into 25 of its 127 rejects, and the summary said only "127 rejected". Now the
 * summary and report.json give the rejects by reason and warn how many lines the quote rejects
 * hold, naming --quote none; with it, every line is a record.
 */
class StrayQuotesSwallowedLinesTest {
    @TempDir
    Path dir;

    @Test
    void theSummaryCountsTheLinesAQuoteSwallowedAndNamesTheFix() throws Exception {
        StringBuilder tsv = new StringBuilder("name\tversion\tsummary\n");
        for (int i = 0; i < 50; i++) {
            tsv.append("pkg").append(i).append('\t').append(i).append(".0\t")
                    .append(i == 10 ? "\"Quoted start, closed much later" : i == 30 ? "ends \"here\" now" : "plain").append('\n');
        }
        Path file = dir.resolve("index.tsv");
        Files.writeString(file, tsv);
        Path out = dir.resolve("o");

        Cli.Run r = Cli.run("ingest", "csv", "--key", "name", "--out", out, file);

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode report = Cli.report(out);
        // line 12 opens a quote that the quote in line 32 closes; "here\" now" then is a bad closing
        assertThat(report.get("records").asLong()).isEqualTo(29);
        assertThat(report.get("rejected").asLong()).isEqualTo(1);
        assertThat(report.get("rejectReasons").get(0).get("reason").asText()).isEqualTo("invalid character after closing quote");
        assertThat(report.get("rejectReasons").get(0).get("count").asLong()).isEqualTo(1);
        assertThat(report.get("warnings").toString()).contains("1 rejected record with a quote problem holds 21 lines")
                .contains("line 12").contains("--quote none");
        assertThat(r.out()).contains("rejects      1 invalid character after closing quote").contains("holds 21 lines");

        Cli.Run none = Cli.run("ingest", "csv", "--key", "name", "--quote", "none", "--out", dir.resolve("n"), file);
        assertThat(none.exitCode()).as(none.err()).isZero();
        assertThat(Cli.report(dir.resolve("n")).get("records").asLong()).isEqualTo(50);
        assertThat(Cli.report(dir.resolve("n")).get("rejected").asLong()).isZero();
    }
}
