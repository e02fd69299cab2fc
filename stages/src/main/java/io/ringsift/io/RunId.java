package io.ringsift.io;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The id of this run (one per process): the pid and a random part, in base 36. Temp files carry
 * it ({@code .filter.bf.ringsift-<run>-<random>.tmp}) so the next run in a directory can tell a
 * dead run's leftovers from its own, and lock files name it with the command that holds them.
 */
public final class RunId {
    private static final String ID = Long.toString(ProcessHandle.current().pid(), 36) + "x"
            + Long.toString(ThreadLocalRandom.current().nextLong() >>> 28, 36);
    /** Temp names of this build: {@code .<target>.ringsift-<run id>-<random hex>.tmp}. */
    private static final Pattern TEMP = Pattern.compile("\\..+\\.ringsift-([0-9a-z]+)-[0-9a-f]+\\.tmp");
    /**
     * Temp names of earlier builds, still cleaned: {@code .<target>.<random hex>.tmp} and the fixed
     * {@code .rejects.csv.tmp}.
     */
    private static final Pattern LEGACY_TEMP = Pattern.compile("\\..+\\.[0-9a-f]{1,16}\\.tmp|\\.rejects\\.csv\\.tmp");
    private static volatile String command = "ringsift";

    private RunId() {
    }

    public static String current() {
        return ID;
    }

    /** The command line of this run, for lock files ("ringsift ingest csv --out o a.csv"). */
    public static String command() {
        return command;
    }

    public static void setCommand(String line) {
        command = line;
    }

    /** A fresh temp name for {@code fileName} in this run. */
    public static String tempName(String fileName) {
        return "." + fileName + ".ringsift-" + ID + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp";
    }

    /** True for a ringsift temp file name left by another run (or an earlier build). */
    public static boolean isOtherRunsTemp(String fileName) {
        Matcher m = TEMP.matcher(fileName);
        if (m.matches()) {
            return !m.group(1).equals(ID);
        }
        return LEGACY_TEMP.matcher(fileName).matches();
    }
}
