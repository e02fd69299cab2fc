package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 14): quoting could not be turned off: {@code --quote ''} printed a
 * StringIndexOutOfBoundsException text, {@code --quote none} was refused, so a TSV with stray
 * quotes gave rejects.
 */
class QuoteCouldNotBeTurnedOffTest {
    @TempDir
    Path dir;

    @Test
    void quoteNoneReadsQuotesAsOrdinaryCharacters() throws Exception {
        Path f = dir.resolve("heights.tsv");
        Files.writeString(f, "id\theight\n1\t5\" 2'\n2\t\"tall\n3\t6\"\n");
        Path out = dir.resolve("o");
        Cli.Run r = Cli.run("ingest", "csv", "-q", "--quote", "none", "--key", "id", "--out", out, f);
        assertThat(r.exitCode()).as(r.err()).isZero();
        var rep = Cli.report(out);
        assertThat(rep.get("records").asLong()).isEqualTo(3);
        assertThat(rep.get("rejected").asLong()).isZero();
        assertThat(rep.get("dialect").get("quote").isNull()).isTrue();
        // both parsers agree
        Cli.Run commons = Cli.run("ingest", "csv", "-q", "--quote", "none", "--parser", "commons", "--out", dir.resolve("c"), f);
        assertThat(commons.exitCode()).as(commons.err()).isZero();
        assertThat(Cli.report(dir.resolve("c")).get("rejected").asLong()).isZero();
        assertThat(Cli.report(dir.resolve("c")).get("fields")).isEqualTo(rep.get("fields"));
    }

    @Test
    void anEmptyQuoteIsAUsageErrorThatNamesNone() throws Exception {
        Path f = dir.resolve("a.csv");
        Files.writeString(f, "id\n1\n");
        Cli.Run r = Cli.run("ingest", "csv", "--quote", "", "--out", dir.resolve("o"), f);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).doesNotContain("Exception").contains("--quote must be one character, or 'none'");
    }
}
