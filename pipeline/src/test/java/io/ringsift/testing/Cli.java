package io.ringsift.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringsift.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import picocli.CommandLine;

/** Runs the CLI in-process and captures what a user would see. */
public final class Cli {
    /** Exit code, stdout and stderr of one invocation. */
    public record Run(int exitCode, String out, String err) {}

    private Cli() {
    }

    public static Run run(Object... args) {
        String[] a = new String[args.length];
        for (int i = 0; i < args.length; i++) {
            a[i] = String.valueOf(args[i]);
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine(a);
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(a);
        return new Run(code, out.toString(), err.toString());
    }

    public static JsonNode report(Path dir) throws IOException {
        return new ObjectMapper().readTree(dir.resolve("report.json").toFile());
    }

    /** Threads of ours still alive (the engine must leave none behind). */
    public static java.util.List<String> liveRingsiftThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(n -> n.startsWith("ringsift-") && !n.equals("ringsift-interrupt")).toList();
    }
}
