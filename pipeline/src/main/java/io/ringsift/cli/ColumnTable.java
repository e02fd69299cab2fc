package io.ringsift.cli;

import io.ringsift.report.Report;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The column summary as a table, laid out like {@code fields} on a collection (name, count, share of
 * records, types), then empty values, min .. max, distinct values and the most frequent values.
 * Estimates say so: {@code ~} before a distinct estimate, {@code ±E} after estimated counts.
 */
final class ColumnTable {
    private static final int VALUE_CHARS = 24;
    private static final int FREQUENT_SHOWN = 3;

    private ColumnTable() {
    }

    static void print(PrintWriter out, List<Report.Field> fields, long records) {
        int width = Math.max(6, fields.stream().mapToInt(f -> f.name().length()).max().orElse(6));
        List<String[]> rows = new ArrayList<>();
        for (Report.Field f : fields) {
            double pct = records == 0 ? 0 : 100.0 * f.nonEmpty() / records;
            rows.add(new String[] {
                f.name(),
                String.format(Locale.ROOT, "%,d", f.nonEmpty()),
                String.format(Locale.ROOT, "%.1f%%", pct),
                typeMix(f),
                f.empty() == null ? "" : String.format(Locale.ROOT, "%,d", f.empty()),
                f.min() == null ? "" : cut(f.min()) + " .. " + cut(f.max()),
                distinct(f),
                frequent(f)});
        }
        String[] head = {"column", "values", "%", "type (mix)", "empty", "min .. max", "distinct", "most frequent"};
        int[] w = new int[head.length];
        w[0] = width;
        for (int c = 1; c < head.length; c++) {
            w[c] = head[c].length();
            for (String[] r : rows) {
                w[c] = Math.max(w[c], r[c].length());
            }
        }
        line(out, head, w);
        rows.forEach(r -> line(out, r, w));
        out.flush();
    }

    private static void line(PrintWriter out, String[] cells, int[] w) {
        StringBuilder sb = new StringBuilder("  ");
        for (int c = 0; c < cells.length; c++) {
            boolean right = c == 1 || c == 2 || c == 4 || c == 6;
            String pad = " ".repeat(Math.max(0, w[c] - cells[c].length()));
            sb.append(right ? pad + cells[c] : c == cells.length - 1 ? cells[c] : cells[c] + pad);
            if (c < cells.length - 1) {
                sb.append("  ");
            }
        }
        out.println(sb.toString().stripTrailing());
    }

    /** The dominant type, then the others with their share: "integer 80%, text 20%". */
    static String typeMix(Report.Field f) {
        if (f.types() == null || f.nonEmpty() == 0) {
            return "-";
        }
        List<Map.Entry<String, Long>> present = f.types().entrySet().stream().filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())).toList();
        if (present.size() == 1) {
            return present.get(0).getKey();
        }
        return present.stream().map(e -> String.format(Locale.ROOT, "%s %s", e.getKey(), share(e.getValue(), f.nonEmpty())))
                .collect(Collectors.joining(", "));
    }

    private static String share(long n, long of) {
        double p = 100.0 * n / of;
        return p >= 1 || p == 0 ? String.format(Locale.ROOT, "%.0f%%", p) : "<1%";
    }

    private static String distinct(Report.Field f) {
        if (f.distinctEstimate() == null) {
            return "";
        }
        return Boolean.TRUE.equals(f.distinctExact()) ? String.format(Locale.ROOT, "%,d", f.distinctEstimate())
                : String.format(Locale.ROOT, "~%,d", f.distinctEstimate());
    }

    private static String frequent(Report.Field f) {
        if (f.frequentValues() == null) {
            return "";
        }
        if (f.frequentValues().isEmpty()) {
            return f.nonEmpty() == 0 ? "" : "(none stands out, counts ±" + f.frequentValuesMaxError() + ")";
        }
        if (Boolean.TRUE.equals(f.frequentValuesExact()) && f.frequentValues().get(0).count() == 1) {
            return "(all values distinct)";
        }
        String items = f.frequentValues().stream().limit(FREQUENT_SHOWN)
                .map(v -> cut(v.value()) + " (" + String.format(Locale.ROOT, "%,d", v.count()) + ")")
                .collect(Collectors.joining(", "));
        return Boolean.TRUE.equals(f.frequentValuesExact()) ? items
                : items + String.format(Locale.ROOT, " ±%,d", f.frequentValuesMaxError());
    }

    /** One line per value: control characters shown escaped, long values cut. */
    static String cut(String v) {
        String s = v.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        return s.codePointCount(0, s.length()) <= VALUE_CHARS ? s
                : s.substring(0, s.offsetByCodePoints(0, VALUE_CHARS - 1)) + "…";
    }
}
