package io.ringsift.cli;

import io.ringsift.job.JobResult;
import io.ringsift.report.Report;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The one-screen human summary on stdout; report.json has everything in full. */
final class Summary {
    private Summary() {
    }

    static void print(PrintWriter out, JobResult r) {
        Report rep = r.report();
        Report.Timing t = rep.timing();
        String state = rep.complete() ? "complete" : "INCOMPLETE (" + rep.stopReason() + ")";
        out.printf(Locale.ROOT, "ringsift %s: %s in %.2f s%n", rep.command(), state, t.elapsedMillis() / 1000.0);
        if (rep.error() != null) {
            out.printf(Locale.ROOT, "  error        %s%n", rep.error());
        }
        out.printf(Locale.ROOT, "  records      %,d accepted, %,d rejected%s%n", rep.records(), rep.rejected(),
                r.rejectsPath() != null ? " (see " + r.rejectsPath() + ")" : "");
        if (rep.rejectReasons() != null) {
            List<Report.RejectReason> reasons = rep.rejectReasons();
            for (int i = 0; i < Math.min(3, reasons.size()); i++) {
                out.printf(Locale.ROOT, "  %-12s %,d %s%n", i == 0 ? "rejects" : "", reasons.get(i).count(),
                        reasons.get(i).reason());
            }
            if (reasons.size() > 3) {
                out.printf(Locale.ROOT, "               (%d more reasons in report.json)%n", reasons.size() - 3);
            }
        }
        out.printf(Locale.ROOT, "  key          %s%n", rep.key());
        Report.Counts c = rep.counts();
        if (c == null || "exact".equals(c.method())) {
            out.printf(Locale.ROOT, "  duplicates   %,d records whose key appeared earlier (exact)%n", rep.duplicateRecords());
            out.printf(Locale.ROOT, "  distinct     %,d keys (exact)%n", rep.distinctKeysEstimate());
        } else {
            out.printf(Locale.ROOT, "  duplicates   ~%,d records whose key appeared earlier (estimate, 95%% interval %,d..%,d)%n",
                    rep.duplicateRecords(), c.duplicateRecordsLow(), c.duplicateRecordsHigh());
            out.printf(Locale.ROOT, "  distinct     ~%,d keys (estimate, 95%% interval %,d..%,d)%n", rep.distinctKeysEstimate(),
                    c.distinctKeysLow(), c.distinctKeysHigh());
        }
        if (rep.exact() != null) {
            Report.Exact e = rep.exact();
            out.printf(Locale.ROOT, "  key bytes    %,d duplicates, %,d distinct keys by comparing key bytes (the Bloom filter alone: %,d"
                    + " false positives, measured fpp %.3g)%n", e.duplicateRecords(), e.distinctKeys(), e.falsePositives(), e.measuredFpp());
        }
        if (rep.fields() != null) {
            out.printf(Locale.ROOT, "  fields       %d%n", rep.fields().size());
            if (!rep.columns().isEmpty()) {
                ColumnTable.print(out, rep.columns(), rep.records());
            }
        }
        out.printf(Locale.ROOT, "  throughput   %,d records/s%s with %d reader(s), %d handler(s)%n", t.recordsPerSecond(),
                t.megabytesPerSecond() == null ? "" : String.format(Locale.ROOT, ", %.1f MB/s", t.megabytesPerSecond()),
                t.readers(), t.handlers());
        Report.Filter f = rep.filter();
        if (f != null) {
            out.printf(Locale.ROOT, "  filter       %s (%,d bits, %d hash functions, estimated fpp %.4g)%n", f.path(), f.bits(),
                    f.hashFunctions(), f.estimatedFpp());
        } else {
            out.printf("  filter       not written: the run did not read all its input%n");
        }
        out.printf("  report       %s%n", r.reportPath());
        if (rep.warnings() != null) {
            for (String w : rep.warnings()) {
                out.printf("  WARNING      %s%n", w);
            }
        }
    }
}
