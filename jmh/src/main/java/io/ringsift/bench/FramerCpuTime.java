package io.ringsift.bench;

import io.ringsift.source.csv.CsvDialect;
import io.ringsift.source.csv.RecordFramer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * RecordFramer per row in thread CPU time instead of wall time, for a box shared with other work: a
 * thread that waits for a core is not charged for the wait. Alternates the two scans round by round
 * on the same bytes ({@link CsvGen}, 20,000 rows, quoted or plain), after a warm-up, and prints the
 * median ns/row of each and the median per-round ratio.
 * {@code java -cp benchmarks.jar io.ringsift.bench.FramerCpuTime [quoted|plain] [ROUNDS]}
 */
public final class FramerCpuTime {
    public static void main(String[] args) throws IOException {
        boolean quoted = args.length == 0 || args[0].equals("quoted");
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        byte[] bytes = CsvGen.bytes(20_000, 42, 0.2, quoted);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        RecordFramer.Scan[] scans = RecordFramer.Scan.values();
        double[][] perRow = new double[scans.length][rounds];
        long sink = 0;
        for (int warm = 0; warm < 30; warm++) {
            for (RecordFramer.Scan s : scans) {
                sink += frame(bytes, s)[0];
            }
        }
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < scans.length; i++) {
                long t0 = mx.getCurrentThreadCpuTime();
                long rows = 0;
                for (int rep = 0; rep < 20; rep++) {
                    long[] out = frame(bytes, scans[i]);
                    rows += out[1];
                    sink += out[0];
                }
                perRow[i][r] = (mx.getCurrentThreadCpuTime() - t0) / (double) rows;
            }
        }
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            ratio[r] = perRow[0][r] / perRow[1][r];
        }
        for (int i = 0; i < scans.length; i++) {
            System.out.printf("%s %s: median %.1f ns/row (CPU), min %.1f%n", quoted ? "quoted" : "plain", scans[i], median(perRow[i]),
                    Arrays.stream(perRow[i]).min().orElse(0));
        }
        System.out.printf("%s/%s per round: median %.2fx (sink %d)%n", scans[0], scans[1], median(ratio), sink & 1);
    }

    static long[] frame(byte[] bytes, RecordFramer.Scan scan) throws IOException {
        RecordFramer f = new RecordFramer(new ByteArrayInputStream(bytes), Long.MAX_VALUE, 0, 1, CsvDialect.rfc4180(), scan);
        long sum = 0;
        long rows = 0;
        while (f.next()) {
            sum += f.fieldEnd(f.fieldCount() - 1);
            rows++;
        }
        return new long[] {sum, rows};
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
