package io.ringsift.cli;

import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Which command has which subcommands, and the command line built from them. Picocli builds the
 * model of every command it is given, by reflection over all their options, before it parses a word:
 * for the whole tree that was about 0.25 s of every run (docs/benchmarks.md, "Start-up"). So a run
 * whose first words name a command gets only that command's branch; anything else (no command,
 * {@code --help}, {@code help}, an unknown or misspelt name) gets the whole tree, so help and
 * "did you mean" see every command.
 */
final class CommandTree {
    /** Subcommands in the order help lists them; a command not here has none. */
    private static final Map<Class<?>, List<Class<?>>> SUBCOMMANDS = Map.of(
            Main.class, List.of(IngestCommand.class, FieldsCommand.class, CheckCommand.class, MergeCommand.class,
                    InfoCommand.class, GenerateCommand.class, DemoCommand.class, CommandLine.HelpCommand.class),
            IngestCommand.class, List.of(IngestCsvCommand.class, IngestMongoCommand.class, IngestJsonlCommand.class));

    private CommandTree() {
    }

    /** The whole tree. */
    static CommandLine full(Object root) {
        return build(root, new String[0], Integer.MAX_VALUE);
    }

    /**
     * The branch {@code args} name, or the whole tree when they name none (see the class comment);
     * the root alone for {@code --version}, which needs no subcommand.
     */
    static CommandLine forArgs(Object root, String[] args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return new CommandLine(root);
        }
        return build(root, args, 0);
    }

    /**
     * @param depth index in {@code args} of the word that may name a subcommand of {@code command};
     *              past the end (or {@link Integer#MAX_VALUE}) means every subcommand
     */
    private static CommandLine build(Object command, String[] args, int depth) {
        CommandLine cl = new CommandLine(command);
        List<Class<?>> subs = SUBCOMMANDS.getOrDefault(command.getClass(), List.of());
        Class<?> named = depth < args.length ? named(subs, args[depth]) : null;
        for (Class<?> sub : subs) {
            if (named == null || sub == named) {
                cl.addSubcommand(build(instance(sub), args, named == null ? Integer.MAX_VALUE : depth + 1));
            }
        }
        return cl;
    }

    /** The subcommand called {@code word}, or null; {@code help} is never taken alone (it describes its siblings). */
    private static Class<?> named(List<Class<?>> subs, String word) {
        for (Class<?> sub : subs) {
            if (sub != CommandLine.HelpCommand.class && sub.getAnnotation(Command.class).name().equals(word)) {
                return sub;
            }
        }
        return null;
    }

    /** As picocli makes a subcommand named in an annotation: its factory (which opens package-private constructors). */
    private static Object instance(Class<?> type) {
        try {
            return CommandLine.defaultFactory().create(type);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create command " + type.getName(), e);
        }
    }
}
