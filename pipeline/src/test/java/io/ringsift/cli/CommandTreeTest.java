package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.testing.Cli;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/** A run builds only the branch its words name, and behaves as the whole tree would. */
class CommandTreeTest {

    @Test
    void aNamedCommandGetsOnlyItsBranch() {
        CommandLine cl = Main.commandLine("ingest", "csv", "x.csv", "--key", "k");
        assertThat(cl.getSubcommands()).containsOnlyKeys("ingest");
        assertThat(cl.getSubcommands().get("ingest").getSubcommands()).containsOnlyKeys("csv");

        assertThat(Main.commandLine("merge", "a.bf").getSubcommands()).containsOnlyKeys("merge");
        assertThat(Main.commandLine("--version").getSubcommands()).isEmpty();
    }

    @Test
    void noCommandHelpOrAnUnknownNameGetsTheWholeTree() {
        var all = Main.commandLine().getSubcommands().keySet();
        assertThat(all).containsExactly("ingest", "fields", "check", "merge", "info", "generate", "demo", "help");
        for (String[] args : new String[][] {{}, {"--help"}, {"help", "ingest"}, {"ingst", "csv"}, {"-h", "ingest"}}) {
            assertThat(Main.commandLine(args).getSubcommands().keySet()).as(String.join(" ", args)).isEqualTo(all);
        }
        assertThat(Main.commandLine("ingest").getSubcommands().get("ingest").getSubcommands()).containsOnlyKeys("csv", "mongo", "jsonl");
        assertThat(Main.commandLine("ingest", "--help").getSubcommands().get("ingest").getSubcommands())
                .containsOnlyKeys("csv", "mongo", "jsonl");
    }

    /** Help, usage errors and their exit codes are the same from the branch as from the whole tree. */
    @ParameterizedTest
    @ValueSource(strings = {"ingest csv --help", "ingest mongo --help", "ingest --help", "check --help", "--help",
        "help ingest", "ingst", "ingest cvs a.csv", "merge", "ingest csv --no-such-option"})
    void theBranchAnswersAsTheWholeTreeDoes(String line) {
        String[] args = line.split(" ");
        Cli.Run branch = Cli.run((Object[]) args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine whole = Main.commandLine();
        whole.setOut(new PrintWriter(out, true));
        whole.setErr(new PrintWriter(err, true));
        int code = whole.execute(args);
        assertThat(branch.exitCode()).isEqualTo(code);
        assertThat(branch.out()).isEqualTo(out.toString());
        assertThat(branch.err()).isEqualTo(err.toString());
    }
}
