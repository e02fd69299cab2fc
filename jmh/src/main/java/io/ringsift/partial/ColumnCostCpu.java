package io.ringsift.partial;

import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What {@code --stats full} costs a row, column by column, in thread CPU time: each column's values
 * are laid out one after another in one buffer, as a reader's buffer holds them, and fed to a fresh
 * {@link ColumnStats} each round. Tells an exact-phase column (a hash and one probe a value) from
 * one past its 1,024 distinct values (a window insert, an HLL update at the flush, type and
 * extremes of every value new to its window). Medians of the rounds after the first (JIT warm-up).
 *
 * <p>{@code java -cp jmh/target/benchmarks.jar io.ringsift.partial.ColumnCostCpu FILE [rows [rounds]]}
 * (a bench file from {@code generate csv} or bench/run.sh; its values are read with Commons CSV
 * first, outside the timing).
 */
public final class ColumnCostCpu {
    private ColumnCostCpu() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        List<String> names = new ArrayList<>();
        List<List<byte[]>> values = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            names.addAll(p.getHeaderNames());
            names.forEach(n -> values.add(new ArrayList<>()));
            int n = 0;
            for (CSVRecord r : p) {
                for (int c = 0; c < names.size() && c < r.size(); c++) {
                    values.get(c).add(r.get(c).getBytes(StandardCharsets.UTF_8));
                }
                if (++n == rows) {
                    break;
                }
            }
        }
        Column[] columns = new Column[names.size()];
        for (int c = 0; c < columns.length; c++) {
            columns[c] = new Column(values.get(c));
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        List<List<Double>> ns = new ArrayList<>();
        names.forEach(n -> ns.add(new ArrayList<>()));
        ColumnStats[] last = new ColumnStats[columns.length];
        for (int round = 0; round <= rounds; round++) {
            for (int c = 0; c < columns.length; c++) {
                ColumnStats stats = new ColumnStats(true);
                last[c] = stats;
                Column col = columns[c];
                long t = mx.getCurrentThreadCpuTime();
                for (int i = 0; i < col.starts.length; i++) {
                    stats.accept(col.bytes, col.starts[i], col.ends[i], col.ascii);
                }
                double perValue = (double) (mx.getCurrentThreadCpuTime() - t) / col.starts.length;
                if (round > 0) {
                    ns.get(c).add(perValue);
                }
            }
        }
        double total = 0;
        for (int c = 0; c < columns.length; c++) {
            List<Double> v = ns.get(c);
            Collections.sort(v);
            double median = v.get(v.size() / 2);
            total += median;
            ColumnStats s = last[c];
            System.out.printf(Locale.ROOT, "%-12s %6.1f ns/value  (%s)%n", names.get(c), median, s.distinctExact()
                    ? String.format(Locale.ROOT, "exact, %,.0f distinct", s.distinctEstimate())
                    : String.format(Locale.ROOT, "sketch, ~%,.0f distinct, 95%% bounds %,.0f..%,.0f", s.distinctEstimate(),
                            s.distinctLowerBound(), s.distinctUpperBound()));
        }
        System.out.printf(Locale.ROOT, "%-12s %6.1f ns/row, %d rows, median of %d rounds%n", "all columns", total,
                columns.length == 0 ? 0 : columns[0].starts.length, rounds);
    }

    /** One column's values back to back in one buffer. */
    private static final class Column {
        final byte[] bytes;
        final int[] starts;
        final int[] ends;
        final boolean ascii;

        Column(List<byte[]> values) {
            int total = 0;
            boolean allAscii = true;
            for (byte[] v : values) {
                total += v.length;
                for (byte b : v) {
                    allAscii &= b >= 0;
                }
            }
            bytes = new byte[total];
            starts = new int[values.size()];
            ends = new int[values.size()];
            int o = 0;
            for (int i = 0; i < values.size(); i++) {
                byte[] v = values.get(i);
                System.arraycopy(v, 0, bytes, o, v.length);
                starts[i] = o;
                o += v.length;
                ends[i] = o;
            }
            ascii = allAscii;
        }
    }
}
