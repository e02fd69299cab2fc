package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.testing.Cli;
import org.junit.jupiter.api.Test;

/** Regression (issue 14): {@code --version} printed "development build". It comes from the Maven project version now. */
class VersionSaidDevelopmentBuildTest {
    @Test
    void versionIsTheMavenVersion() {
        Cli.Run r = Cli.run("--version");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().strip()).matches("ringsift \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?").doesNotContain("development").doesNotContain("${");
    }
}
