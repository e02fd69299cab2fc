package io.ringsift.source.csv;

import io.ringsift.key.KeySpec;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Before and after issue 12's planner, alternating in one JVM on one file:
 * <pre>
 *   sequential  BoundaryScanner.cuts over the whole file on the calling thread (the planner before)
 *   summaries   ChunkSummary of the whole file, 1 MiB at a time, on one thread: the CPU cost per byte of the new scan
 *   planner     CsvPlanner.plan with READERS readers (the chunks summarised on READERS threads), wall time
 * </pre>
 * {@code java -cp benchmarks.jar io.ringsift.source.csv.PlanScanTimer FILE READERS [ROUNDS]}. Lives in the
 * package of the package-private scanner; prints wall and thread-CPU seconds per round.
 */
public final class PlanScanTimer {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        int readers = Integer.parseInt(args[1]);
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        long size = Files.size(file);
        CsvDialect d = CsvDialect.rfc4180();
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        byte[] b = new byte[1 << 20];
        byte[] all = Files.readAllBytes(file);
        for (int r = 0; r < rounds; r++) {
            // in memory, no I/O: the scans alone
            long m0 = mx.getCurrentThreadCpuTime();
            int memCuts = BoundaryScanner.cuts(new ByteArrayInputStream(all), all.length, all.length / 8, d).size();
            long m1 = mx.getCurrentThreadCpuTime();
            ChunkSummary ms = null;
            for (int off = 0; off < all.length; off += 1 << 20) {
                ChunkSummary piece = ChunkSummary.of(all, off, Math.min(1 << 20, all.length - off), off == 0, d);
                ms = ms == null ? piece : ms.then(piece);
            }
            long m2 = mx.getCurrentThreadCpuTime();
            long lf = Swar.lineEnds(all, 0, all.length, false);
            long m3 = mx.getCurrentThreadCpuTime();
            System.out.printf("in memory, cpu: sequential scanner %.3f s (%d cuts) | chunk summaries %.3f s, of which line count %.3f s (%d lines)%n",
                    (m1 - m0) / 1e9, memCuts, (m2 - m1) / 1e9, (m3 - m2) / 1e9, lf + ms.lines() * 0);
            long w0 = System.nanoTime();
            long c0 = mx.getCurrentThreadCpuTime();
            int cuts;
            try (InputStream in = Files.newInputStream(file)) {
                cuts = BoundaryScanner.cuts(in, size, size / 8, d).size();
            }
            long w1 = System.nanoTime();
            long c1 = mx.getCurrentThreadCpuTime();
            ChunkSummary s = null;
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                boolean first = true;
                while ((n = in.readNBytes(b, 0, b.length)) > 0) {
                    ChunkSummary piece = ChunkSummary.of(b, 0, n, first, d);
                    s = s == null ? piece : s.then(piece);
                    first = false;
                }
            }
            long w2 = System.nanoTime();
            long c2 = mx.getCurrentThreadCpuTime();
            CsvPlan plan = new CsvPlanner(d, new KeySpec(List.of("key")), readers, CsvPlanner.DEFAULT_SPLIT_BYTES).plan(List.of(file));
            long w3 = System.nanoTime();
            System.out.printf("round %d: sequential %.3f s (cpu %.3f, %d cuts) | summaries, one thread %.3f s (cpu %.3f, %d lines)"
                            + " | planner, %d readers %.3f s (%d units)%n", r, (w1 - w0) / 1e9, (c1 - c0) / 1e9, cuts, (w2 - w1) / 1e9,
                    (c2 - c1) / 1e9, s.lines(), readers, (w3 - w2) / 1e9, plan.units().size());
        }
    }
}
