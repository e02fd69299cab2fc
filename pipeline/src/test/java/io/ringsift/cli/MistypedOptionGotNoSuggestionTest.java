package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.testing.Cli;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Regression (issue 14): {@code --keys} got no did-you-mean; usage errors must show even with -q. */
class MistypedOptionGotNoSuggestionTest {
    @TempDir
    Path dir;

    @Test
    void aMistypedOptionSuggestsTheRealOneEvenWithQuiet() {
        Cli.Run r = Cli.run("ingest", "csv", "-q", "--keys", "id", "--out", dir.resolve("o"), dir);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unknown option: '--keys'; did you mean --key?");
    }

    @Test
    void aMistypedSubcommandSuggestsTheRealOne() {
        assertThat(Cli.run("ingest", "cvs").err()).contains("'cvs'; did you mean csv?");
        assertThat(Cli.run("inget").err()).contains("did you mean ingest");
        Cli.Run none = Cli.run("ingest");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("Missing required subcommand: one of csv, mongo");
    }
}
