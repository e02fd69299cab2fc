package io.ringsift.partial;

import io.ringsift.filter.FilterParams;
import java.io.ByteArrayOutputStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Does a handler's key work (filter and exact set, far bigger than the caches) make the columns
 * handed to it dearer, by pushing their tables out of the caches between batches? One thread, in
 * thread CPU time: batches of 1,024 rows of only the four sketch-phase columns of a bench file
 * (email, amount, created, note), only the keys, or the keys then the columns, as a handler does.
 * If the third costs more than the first two together, the key work evicts the columns' tables.
 * The column values repeat every {@code rows} rows while the keys run on.
 *
 * <p>{@code java -XX:+UseTransparentHugePages -Xmx8g -cp jmh/target/benchmarks.jar io.ringsift.partial.HandlerCacheCpu FILE [rows [rounds [keys]]]}
 */
public final class HandlerCacheCpu {
    private static final int BATCH = 1024;
    private static final int[] COLUMNS = {2, 4, 6, 7};
    private static final String[] NAMES = {"columns only", "keys only", "keys, then columns"};

    private HandlerCacheCpu() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int keys = args.length > 3 ? Integer.parseInt(args[3]) : 10_000_000;
        byte[][] bytes = new byte[COLUMNS.length][];
        int[][] starts = new int[COLUMNS.length][rows];
        int[][] ends = new int[COLUMNS.length][rows];
        List<ByteArrayOutputStream> out = new ArrayList<>();
        for (int c = 0; c < COLUMNS.length; c++) {
            out.add(new ByteArrayOutputStream());
        }
        int n = 0;
        try (Reader in = Files.newBufferedReader(file);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            for (CSVRecord r : p) {
                for (int c = 0; c < COLUMNS.length; c++) {
                    byte[] v = r.get(COLUMNS[c]).getBytes(StandardCharsets.UTF_8);
                    starts[c][n] = out.get(c).size();
                    out.get(c).write(v);
                    ends[c][n] = out.get(c).size();
                }
                if (++n == rows) {
                    break;
                }
            }
        }
        rows = n;
        for (int c = 0; c < COLUMNS.length; c++) {
            bytes[c] = out.get(c).toByteArray();
        }
        BenchKeys stream = BenchKeys.withRepeats(keys, 42);
        long[] lo = stream.lo;
        long[] hi = stream.hi;
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        double[][] ns = new double[NAMES.length][rounds];
        for (int round = 0; round <= rounds; round++) {
            for (int v = 0; v < NAMES.length; v++) {
                ColumnStats[] stats = new ColumnStats[COLUMNS.length];
                for (int c = 0; c < stats.length; c++) {
                    stats[c] = new ColumnStats(true);
                }
                Partial<Object> partial = new Partial<>(new FilterParams(keys, 0.01), null, null);
                long t = mx.getCurrentThreadCpuTime();
                for (int kb = 0; kb < keys; kb += BATCH) {
                    int ke = Math.min(keys, kb + BATCH);
                    if (v > 0) {
                        for (int k = kb; k < ke; k++) {
                            partial.prepare(lo[k], hi[k]);
                        }
                        for (int k = kb; k < ke; k++) {
                            partial.add(lo[k], hi[k], null, 0);
                        }
                    }
                    if (v != 1) {
                        int b = kb % rows;
                        int e = Math.min(rows, b + (ke - kb));
                        for (int c = 0; c < stats.length; c++) {
                            for (int r = b; r < e; r++) {
                                stats[c].accept(bytes[c], starts[c][r], ends[c][r], true);
                            }
                        }
                    }
                }
                if (round > 0) {
                    ns[v][round - 1] = (double) (mx.getCurrentThreadCpuTime() - t) / keys;
                }
            }
        }
        for (int v = 0; v < NAMES.length; v++) {
            Arrays.sort(ns[v]);
            System.out.printf(Locale.ROOT, "%-20s median %4.0f ns a row (min %4.0f, %d rounds)%n", NAMES[v], ns[v][rounds / 2],
                    ns[v][0], rounds);
        }
    }
}
