package io.ringsift.key;

import java.util.ArrayList;
import java.util.List;

/**
 * Which fields make a record's key: CSV column names or dotted document paths, in order.
 * An empty list means the whole record (every CSV column in file order).
 */
public record KeySpec(List<String> fields) {
    public KeySpec {
        fields = List.copyOf(fields);
        for (String f : fields) {
            if (f.isEmpty()) {
                throw new IllegalArgumentException("Key field names must not be empty: " + fields);
            }
        }
    }

    /** The inverse of {@link #describe()}: reads a key spec back from a filter header. */
    public static KeySpec parse(String described) {
        if (described.equals("*")) {
            return wholeRecord();
        }
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (int i = 0; i < described.length(); i++) {
            char c = described.charAt(i);
            if (c == '\\' && i + 1 < described.length()) {
                cur.append(described.charAt(++i));
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return new KeySpec(out);
    }

    public static KeySpec wholeRecord() {
        return new KeySpec(List.of());
    }

    public boolean isWholeRecord() {
        return fields.isEmpty();
    }

    /**
     * Stable text form stored in filter headers and reports, e.g. {@code "key"} or {@code "a,b"};
     * {@code "*"} for the whole record. A comma or backslash inside a name is escaped with a
     * backslash, so the one column {@code "a,b"} ({@code a\,b}) never reads as two columns.
     */
    public String describe() {
        if (isWholeRecord()) {
            return "*";
        }
        StringBuilder sb = new StringBuilder();
        for (String f : fields) {
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(f.replace("\\", "\\\\").replace(",", "\\,"));
        }
        return sb.toString();
    }
}
