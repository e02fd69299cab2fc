package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.testing.Cli;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression (issue 14): {@code -} was refused, so {@code zcat x.gz | ringsift ingest csv -} was impossible. */
class StandardInputWasRefusedTest {
    @TempDir
    Path dir;

    @Test
    void dashReadsStandardInput() throws Exception {
        InputStream previous = System.in;
        try {
            System.setIn(new ByteArrayInputStream("id,v\n1,a\n2,b\n2,c\n".getBytes(StandardCharsets.UTF_8)));
            Path out = dir.resolve("o");
            Cli.Run r = Cli.run("ingest", "csv", "--key", "id", "--out", out, "-");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(Cli.report(out).get("records").asLong()).isEqualTo(3);
            assertThat(Cli.report(out).get("duplicateRecords").asLong()).isEqualTo(1);
            assertThat(Cli.report(out).get("sources").get(0).get("path").asText()).isEqualTo("stdin");
        } finally {
            System.setIn(previous);
        }
    }

    @Test
    void whatNeedsASecondReadSaysSoBeforeStarting() throws Exception {
        InputStream previous = System.in;
        try {
            System.setIn(new ByteArrayInputStream("id\n1\n".getBytes(StandardCharsets.UTF_8)));
            Cli.Run r = Cli.run("ingest", "csv", "--exact", "--out", dir.resolve("o"), "-");
            assertThat(r.exitCode()).isEqualTo(2);
            assertThat(r.err()).contains("--exact reads the input twice").contains("save it to a file first");
        } finally {
            System.setIn(previous);
        }
    }
}
