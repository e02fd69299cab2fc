package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression (issue 14): in a Latin-1 file every row with an accent was rejected as invalid UTF-8, and there was no --encoding. */
class Latin1AccentsRejectedWithoutEncodingOptionTest {
    @TempDir
    Path dir;

    @Test
    void withEncodingNothingIsRejectedAndWithoutItTheFixIsNamed() throws Exception {
        Path f = dir.resolve("villes.csv");
        Files.write(f, new byte[] {'n', 'o', 'm', '\n', 'S', (byte) 0xE8, 't', 'e', '\n', 'P', 'a', 'u', '\n'});
        Path out = dir.resolve("o");
        Cli.Run latin1 = Cli.run("ingest", "csv", "--encoding", "ISO-8859-1", "-q", "--out", out, f);
        assertThat(latin1.exitCode()).as(latin1.err()).isZero();
        assertThat(Cli.report(out).get("rejected").asLong()).isZero();
        assertThat(Cli.report(out).get("records").asLong()).isEqualTo(2);

        Cli.Run utf8 = Cli.run("ingest", "csv", "--out", dir.resolve("o2"), f);
        assertThat(utf8.exitCode()).isZero();
        assertThat(utf8.err()).contains(f + ": line 2 is not UTF-8 (byte 0xE8)").contains("give --encoding windows-1252");
    }

    @Test
    void aHeaderThatIsNotUtf8NamesTheOption() throws Exception {
        Path f = dir.resolve("h.csv");
        Files.write(f, new byte[] {'n', (byte) 0xE9, '\n', 'a', '\n'});
        Cli.Run r = Cli.run("ingest", "csv", "-q", "--out", dir.resolve("o"), f);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("cannot read the header: invalid UTF-8").contains("--encoding windows-1252");
    }

    @Test
    void anUnknownCharsetIsAUsageError() {
        Cli.Run r = Cli.run("ingest", "csv", "--encoding", "klingon", "--out", dir.resolve("o"), dir);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--encoding 'klingon' is not a charset this JVM knows");
    }
}
