package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.testing.Cli;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression (issue 14): {@code data.csv.gz} failed with "cannot read the header: invalid UTF-8". */
class GzipInputFailedAsInvalidUtf8Test {
    @TempDir
    Path dir;

    @Test
    void aGzipFileIsReadAsItsContent() throws Exception {
        Path gz = dir.resolve("data.csv.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write("id,name\n1,a\n2,b\n1,c\n".getBytes(StandardCharsets.UTF_8));
        }
        Path out = dir.resolve("o");
        Cli.Run r = Cli.run("ingest", "csv", "-q", "--key", "id", "--out", out, gz);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Cli.report(out).get("records").asLong()).isEqualTo(3);
        assertThat(Cli.report(out).get("duplicateRecords").asLong()).isEqualTo(1);
    }

    @Test
    void aDamagedGzipSaysSoAndHowToCheckIt() throws Exception {
        Path gz = dir.resolve("data.csv.gz");
        Files.write(gz, new byte[] {0x1F, (byte) 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 1, 2, 3});
        Cli.Run r = Cli.run("ingest", "csv", "-q", "--out", dir.resolve("o"), gz);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err().strip().lines()).hasSize(1);
        assertThat(r.err()).contains("data.csv.gz looks like gzip but cannot be decompressed").contains("gzip -t");
    }
}
