package io.ringsift.key;

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

    public static KeySpec wholeRecord() {
        return new KeySpec(List.of());
    }

    public boolean isWholeRecord() {
        return fields.isEmpty();
    }

    /** Stable text form stored in filter headers and reports, e.g. {@code "key"} or {@code "a,b"}; {@code "*"} for the whole record. */
    public String describe() {
        return isWholeRecord() ? "*" : String.join(",", fields);
    }
}
