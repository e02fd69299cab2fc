package io.ringsift.cli;

import io.ringsift.job.JsonlInput;
import io.ringsift.key.KeySpec;
import io.ringsift.partial.DocumentFieldWalker;
import io.ringsift.source.jsonl.JsonlInputException;
import io.ringsift.source.jsonl.JsonlPlanner;
import io.ringsift.source.jsonl.JsonlUnit;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Option;

/** Field discovery over documents (a collection or JSON Lines files): how deep, and whether to print paths as found. */
final class DocumentOptions {
    @Option(names = "--stream", description = "Print each field path on stderr as soon as it is first seen.")
    boolean stream;

    @Option(names = "--max-depth", paramLabel = "N", defaultValue = "0",
            description = "Nested path depth for field discovery; 1 = top-level only, 0 = unlimited (default).")
    int maxDepth;

    int depth() {
        return maxDepth <= 0 ? DocumentFieldWalker.UNLIMITED : maxDepth;
    }

    /** With {@code --stream}: prints "new field: PATH" on {@code err}, one whole line at a time from any handler; else null. */
    Consumer<String> streamed(PrintWriter err) {
        if (!stream) {
            return null;
        }
        return path -> {
            synchronized (err) {
                err.println("new field: " + path);
                err.flush();
            }
        };
    }

    /**
     * The one place a command turns JSON Lines (or JSON array) FILE arguments into the input a job
     * reads: files of more than 2 x {@code --split-size} cut at line ends for the readers.
     *
     * @param keepRaw keep each line's bytes (check's --new/--seen)
     */
    JsonlInput plan(List<Path> files, SplitOptions split, KeySpec key, int readers, PrintWriter err, boolean keepRaw)
            throws UserError, IOException {
        List<JsonlUnit> units;
        try {
            units = new JsonlPlanner(readers, split.bytes).plan(files);
        } catch (JsonlInputException e) {
            throw new UserError(e.getMessage());
        }
        return new JsonlInput(units, key, depth(), streamed(err), keepRaw);
    }
}
