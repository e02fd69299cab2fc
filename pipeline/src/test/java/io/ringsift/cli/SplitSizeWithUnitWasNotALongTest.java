package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringsift.testing.Cli;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine.TypeConversionException;

/** Regression (issue 14): {@code --split-size 64MB} was "not a long". Every size option takes units now. */
class SplitSizeWithUnitWasNotALongTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"4096,4096", "512k,524288", "512K,524288", "64MB,64000000", "64MiB,67108864", "64m,67108864",
            "1GiB,1073741824", "1GB,1000000000", "2 KiB,2048", "1.5GB,1500000000"})
    void sizesWithUnits(String text, long bytes) {
        assertThat(ByteSizeConverter.parse(text)).isEqualTo(bytes);
    }

    @Test
    void nonsenseNamesTheFormat() {
        for (String bad : new String[] {"", "MB", "64XB", "-1", "1,5GB"}) {
            assertThatThrownBy(() -> ByteSizeConverter.parse(bad)).as(bad).isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("is not a size").hasMessageContaining("64MB");
        }
        assertThatThrownBy(() -> ByteSizeConverter.parse("99999999999999TiB")).isInstanceOf(TypeConversionException.class);
    }

    @Test
    void everySizeOptionTakesUnits() throws Exception {
        Path f = dir.resolve("a.csv");
        Files.writeString(f, "id\n1\n");
        Cli.Run r = Cli.run("ingest", "csv", "-q", "--split-size", "64MB", "--max-record-size", "1MiB", "--max-field-size", "512k",
                "--out", dir.resolve("o"), f);
        assertThat(r.exitCode()).as(r.err()).isZero();
        Cli.Run bad = Cli.run("ingest", "csv", "--split-size", "64XB", "--out", dir.resolve("o"), f);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("'64XB' is not a size");
    }
}
