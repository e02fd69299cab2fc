package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 14): a TSV or {@code ;} file without {@code --delimiter} failed with "unknown
 * --key column 'id'; columns are: id<TAB>rate" and no hint, and without {@code --key} it
 * "succeeded" with one column named {@code id\trate}.
 */
class TsvWithoutDelimiterReadAsOneColumnTest {
    @TempDir
    Path dir;

    @Test
    void theDelimiterIsSniffedSaidAndRecorded() throws Exception {
        Path f = dir.resolve("rates.txt");
        Files.writeString(f, "id\trate\n1\t0.5\n2\t\"0\t7\"\n");
        Path out = dir.resolve("o");
        Cli.Run r = Cli.run("ingest", "csv", "--key", "id", "--out", out, f);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains(f + ": delimiter tab (2 fields in every one of the first 3 records); --delimiter to override");
        var rep = Cli.report(out);
        assertThat(rep.get("rejected").asLong()).isZero();
        assertThat(rep.get("fields")).hasSize(2);
        assertThat(rep.get("dialect").toString()).isEqualTo("{\"delimiter\":\"\\t\",\"quote\":\"\\\"\",\"detected\":true,\"encoding\":\"UTF-8\"}");
    }

    @Test
    void semicolonIsSniffedToo() throws Exception {
        Path f = dir.resolve("eu.csv");
        Files.writeString(f, "id;price\n1;\"2;50\"\n2;3,10\n");
        Path out = dir.resolve("o");
        Cli.Run r = Cli.run("ingest", "csv", "-q", "--key", "id", "--out", out, f);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Cli.report(out).get("dialect").get("delimiter").asText()).isEqualTo(";");
        assertThat(Cli.report(out).get("rejected").asLong()).isZero();
    }

    @Test
    void dotTsvMeansTabAndIsNotCalledDetected() throws Exception {
        Path f = dir.resolve("one.tsv");
        Files.writeString(f, "a,b\tc\n1,2\t3\n");
        Path out = dir.resolve("o");
        assertThat(Cli.run("ingest", "csv", "-q", "--out", out, f).exitCode()).isZero();
        assertThat(Cli.report(out).get("dialect").get("delimiter").asText()).isEqualTo("\t");
        assertThat(Cli.report(out).get("dialect").get("detected").asBoolean()).isFalse();
    }

    @Test
    void aWrongDelimiterGivenShowsTheHeaderSplitByTheOneThatFits() throws Exception {
        Path f = dir.resolve("rates.csv");
        Files.writeString(f, "id\trate\n1\t0.5\n");
        Cli.Run r = Cli.run("ingest", "csv", "--delimiter", ",", "--key", "id", "--out", dir.resolve("o"), f);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("split by tab the header is [id, rate]: looks tab-separated: try --delimiter tab");
        Cli.Run noKey = Cli.run("ingest", "csv", "--delimiter", ",", "--out", dir.resolve("o2"), f);
        assertThat(noKey.exitCode()).isZero();
        assertThat(noKey.err()).contains("one column named 'id\trate'; split by tab").contains("try --delimiter tab");
    }

    @Test
    void inputsThatDisagreeAreRefusedNamingEach() throws Exception {
        Path a = dir.resolve("a.csv");
        Files.writeString(a, "id,v\n1,2\n");
        Path b = dir.resolve("b.csv");
        Files.writeString(b, "id;v\n1;2\n");
        Cli.Run r = Cli.run("ingest", "csv", "--out", dir.resolve("o"), a, b);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("different delimiters (,: " + a + "; ';': " + b + ")").contains("give --delimiter");
    }
}
