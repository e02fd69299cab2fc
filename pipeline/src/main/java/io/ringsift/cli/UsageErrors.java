package io.ringsift.cli;

import io.ringsift.job.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Bad options: the message, picocli's did-you-mean for a mistyped option or subcommand, a pointer
 * to {@code --help}, exit code 2 (not the whole usage text). Printed whatever {@code -q} says:
 * quiet silences the summary, never the reason a command did not run.
 */
final class UsageErrors implements IParameterExceptionHandler {
    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        String line = "ringsift: " + ex.getMessage();
        if (ex instanceof UnmatchedArgumentException u) {
            List<String> suggestions = u.getSuggestions();
            if (suggestions.isEmpty() && !u.getUnmatched().isEmpty()) {
                suggestions = nearby(u.getUnmatched().get(0), cl);
            }
            if (!suggestions.isEmpty()) {
                line += "; did you mean " + String.join(" or ", suggestions.subList(0, Math.min(3, suggestions.size()))) + "?";
            }
        }
        if (ex.getMessage().startsWith("Missing required subcommand")) {
            line += ": one of " + String.join(", ", cl.getSubcommands().keySet());
        }
        cl.getErr().println(line);
        cl.getErr().println("Try '" + cl.getCommandSpec().qualifiedName() + " --help' for more information.");
        cl.getErr().flush();
        return ExitCodes.USAGE;
    }

    /**
     * Subcommands and options one typo away (a swap of two letters counts as one): picocli's own
     * suggestions compare letter pairs, so it has none for {@code cvs} against {@code csv}.
     */
    static List<String> nearby(String typed, CommandLine cl) {
        List<String> names = new ArrayList<>(cl.getSubcommands().keySet());
        cl.getCommandSpec().options().forEach(o -> names.addAll(List.of(o.names())));
        return names.stream().filter(n -> n.length() > 2 && distance(typed, n) <= (n.length() > 5 ? 2 : 1)).toList();
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
