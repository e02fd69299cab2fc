package io.ringsift.bench;

import io.ringsift.partial.CsvFieldProfile;
import io.ringsift.partial.StatsPlacement;
import io.ringsift.partial.StatsLevel;
import io.ringsift.source.csv.CsvDialect;
import io.ringsift.source.csv.CsvFile;
import io.ringsift.source.csv.CsvParser;
import io.ringsift.source.csv.CsvUnit;
import io.ringsift.source.csv.CsvUnitReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What one {@code ingest csv} reader thread costs a row, in thread CPU time: framing, UTF-8 check,
 * key hash and (with statistics on the readers) the column statistics, over a whole bench file,
 * with a fresh profile each round so high-cardinality columns reach their sketch phase as in a
 * real run. The batches go to a sink that only reads their hashes (no ring, no handler). Levels
 * alternate round by round; medians of the rounds after the first (JIT warm-up).
 *
 * <p>{@code java -cp jmh/target/benchmarks.jar io.ringsift.bench.ReaderCpu FILE [rounds [none|basic|full [readers|auto]]]}
 * (with {@code auto}, the profile a run's reader has: with no handler behind it nothing moves, but
 * the values reach the columns as in a run, column by column):
 * run two builds' jars alternately to compare them; with a level, only that one (e.g. under a profiler).
 */
public final class ReaderCpu {
    private ReaderCpu() {
    }

    public static void main(String[] args) throws Exception {
        Path path = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        long size = Files.size(path);
        List<String> header = List.of(CsvGen.HEADER.trim().split(","));
        int[] all = new int[header.size()];
        for (int i = 0; i < all.length; i++) {
            all[i] = i;
        }
        CsvFile file = new CsvFile(path, header, new int[] {CsvGen.KEY_COLUMN}, all, size, new byte[0]);
        CsvUnit unit = new CsvUnit(0, file, 0, size, 1);
        StatsLevel[] levels = args.length > 2 ? new StatsLevel[] {StatsLevel.valueOf(args[2].toUpperCase(Locale.ROOT))}
                : new StatsLevel[] {StatsLevel.NONE, StatsLevel.BASIC, StatsLevel.FULL};
        List<List<Double>> results = new ArrayList<>();
        for (int l = 0; l < levels.length; l++) {
            results.add(new ArrayList<>());
        }
        StatsPlacement placement = args.length > 3 ? StatsPlacement.valueOf(args[3].toUpperCase(Locale.ROOT)) : StatsPlacement.READERS;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (int round = 0; round <= rounds; round++) {
            for (int l = 0; l < levels.length; l++) {
                CsvFieldProfile profile = levels[l] == StatsLevel.NONE ? null
                        : new CsvFieldProfile(header, new int[][] {all}, levels[l]);
                if (profile != null) {
                    profile.handingOver(placement);
                }
                CsvUnitReader reader = new CsvUnitReader(CsvDialect.rfc4180(), CsvParser.FAST, false, null, false, profile);
                CountingSink sink = new CountingSink();
                long t = mx.getCurrentThreadCpuTime();
                long records = reader.read(unit, sink, r -> { }).records();
                double ns = (double) (mx.getCurrentThreadCpuTime() - t) / records;
                if (round > 0) {
                    results.get(l).add(ns);
                }
                if (sink.drain() == 42) {
                    System.out.print("");   // keeps the hashes read
                }
            }
        }
        for (int l = 0; l < levels.length; l++) {
            List<Double> v = results.get(l);
            Collections.sort(v);
            System.out.printf(Locale.ROOT, "reader --stats %-5s median %5.0f ns/row CPU (min %5.0f, %d rounds)%n",
                    levels[l].name().toLowerCase(Locale.ROOT), v.get(v.size() / 2), v.get(0), v.size());
        }
    }
}
