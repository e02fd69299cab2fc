package io.ringsift.bench;

import io.ringsift.key.KeySpec;
import io.ringsift.source.csv.CsvDialect;
import io.ringsift.source.csv.CsvPlan;
import io.ringsift.source.csv.CsvPlanner;
import java.nio.file.Path;
import java.util.List;

/**
 * Times {@link CsvPlanner#plan} alone, as {@code ingest csv} runs it before any reader starts
 * (with more than one reader it frames the whole file on the calling thread to find cut points).
 * {@code java -cp benchmarks.jar io.ringsift.bench.PlanTimer FILE READERS [REPEATS]}: the first
 * line is what a fresh process pays (cold JIT), later lines are warm.
 */
public final class PlanTimer {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int readers = Integer.parseInt(args[1]);
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            CsvPlan plan = new CsvPlanner(CsvDialect.rfc4180(), new KeySpec(List.of("key")), readers, CsvPlanner.DEFAULT_SPLIT_BYTES)
                    .plan(List.of(file));
            long t1 = System.nanoTime();
            System.out.printf("plan readers=%d units=%d %.3f s%n", readers, plan.units().size(), (t1 - t0) / 1e9);
        }
    }
}
