package io.ringsift.bench;

import io.ringsift.partial.BaselineCsvFieldProfile;
import io.ringsift.partial.CsvFieldProfile;
import io.ringsift.partial.FieldProfile;
import io.ringsift.partial.StatsLevel;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * FieldStatsBench's workload measured in thread CPU time rather than wall time, with the current
 * and the baseline profile interleaved round by round in one JVM. On a box shared with other
 * builds (load far above the core count) wall-time scores mostly measure waiting for a core; CPU
 * time does not, though cache sharing still shows. Medians of the rounds after the first third.
 *
 * <p>{@code java -cp jmh/target/benchmarks.jar io.ringsift.bench.FieldStatsCpu [rounds]}
 */
public final class FieldStatsCpu {
    private FieldStatsCpu() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        List<String[]> list = GeneratedRows.values(20_000);
        Object[] byteRows = GeneratedRows.byteRows(list, false);
        Object[][] forms = {byteRows, list.toArray(new Object[0])};
        String[] formNames = {"BYTES", "STRINGS"};
        StatsLevel[] levels = {StatsLevel.BASIC, StatsLevel.FULL};
        String[] impls = {"current", "baseline"};
        List<String> names = List.of(CsvGen.HEADER.trim().split(","));
        int[][] map = {{0, 1, 2, 3, 4, 5, 6, 7}};
        FieldProfile[][][] profiles = new FieldProfile[2][2][2];
        for (int i = 0; i < 2; i++) {
            for (int l = 0; l < 2; l++) {
                for (int f = 0; f < 2; f++) {
                    profiles[i][l][f] = i == 0 ? new CsvFieldProfile(names, map, levels[l]) : new BaselineCsvFieldProfile(names, map, levels[l]);
                }
            }
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        Map<String, List<Double>> results = new TreeMap<>();
        for (int round = 0; round < rounds; round++) {
            for (int f = 0; f < 2; f++) {
                for (int l = 0; l < 2; l++) {
                    for (int i = 0; i < 2; i++) {
                        if (i == 0 && f == 1) {
                            continue;   // the current profile takes ByteRows only: the reader encodes Commons CSV values
                        }
                        FieldProfile p = profiles[i][l][f];
                        long t = mx.getCurrentThreadCpuTime();
                        for (int k = 0; k < 5; k++) {
                            for (Object row : forms[f]) {
                                p.accept(row, 0);
                            }
                        }
                        double ns = (mx.getCurrentThreadCpuTime() - t) / (5.0 * forms[f].length);
                        if (round >= rounds / 3) {
                            results.computeIfAbsent(formNames[f] + " " + levels[l] + " " + impls[i], x -> new ArrayList<>()).add(ns);
                        }
                    }
                }
            }
        }
        results.forEach((k, v) -> {
            Collections.sort(v);
            System.out.printf(Locale.ROOT, "%-24s median %4.0f ns/row CPU (min %4.0f, %d rounds)%n", k, v.get(v.size() / 2), v.get(0), v.size());
        });
    }
}
