package io.ringsift.cli;

import io.ringsift.job.ExitCodes;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ringsift demo}: the main jobs end to end on the samples, with nothing to install:
 * {@code ingest csv} on samples/*.csv, then {@code ingest mongo} and {@code fields} on
 * samples/people.jsonl through the embedded MongoDB server.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run ingest csv, ingest mongo and fields on the samples (embedded MongoDB, nothing to install).",
        footer = {"", ExitCodes.HELP})
final class DemoCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--samples", paramLabel = "DIR", defaultValue = "samples", description = "Sample directory (default: ${DEFAULT-VALUE}).")
    Path samples;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "demo-out", description = "Output directory (default: ${DEFAULT-VALUE}).")
    Path out;

    @Override
    public Integer call() throws Exception {
        var w = spec.commandLine().getOut();
        List<String> csv = new ArrayList<>(List.of("ingest", "csv", "--key", "key", "--out", out.resolve("csv").toString()));
        csv.addAll(csvFiles());
        Path people = samples.resolve("people.jsonl");
        String[][] steps = {
            csv.toArray(new String[0]),
            {"ingest", "mongo", "--embedded", people.toString(), "--key", "email", "--out", out.resolve("mongo").toString()},
            {"fields", "--embedded", people.toString(), "--json", out.resolve("mongo/fields.json").toString()},
        };
        int worst = 0;
        for (String[] step : steps) {
            w.println();
            w.println("$ ringsift " + String.join(" ", step));
            w.flush();
            var cl = Main.commandLine(step);
            cl.setOut(w);
            cl.setErr(spec.commandLine().getErr());
            worst = Math.max(worst, cl.execute(step));
        }
        w.println();
        w.println("Outputs are under " + out + "/ (filter.bf, report.json, rejects.csv, fields.json).");
        w.flush();
        return worst;
    }

    private List<String> csvFiles() throws IOException, UserError {
        if (!Files.isDirectory(samples)) {
            throw new UserError(samples + ": no such directory (run from the project root or pass --samples DIR)");
        }
        List<String> files = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(samples, "*.csv")) {
            ds.forEach(p -> files.add(p.toString()));
        }
        files.sort(null);
        return files;
    }
}
