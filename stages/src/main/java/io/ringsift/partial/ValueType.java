package io.ringsift.partial;

/**
 * The type a CSV value looks like. Inference is by shape only (no exceptions thrown, no objects
 * made), because it runs on every field of every row.
 */
public enum ValueType {
    INTEGER("integer"),
    DECIMAL("decimal"),
    BOOLEAN("boolean"),
    DATE_TIME("date-time"),
    TEXT("text");

    public final String label;

    ValueType(String label) {
        this.label = label;
    }

    /**
     * Classifies a non-empty value given as text: the same rules as {@link #of(byte[], int, int)}
     * over the value's characters, each non-ASCII one read as a byte no rule accepts.
     */
    public static ValueType of(CharSequence s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            char c = s.charAt(i);
            b[i] = c < 0x80 ? (byte) c : (byte) 0x80;
        }
        return of(b, 0, b.length);
    }

    /**
     * Classifies the non-empty value {@code b[s..e)} (UTF-8). Every rule is ASCII-only (digits,
     * signs, {@code true}/{@code false} in any ASCII case), so a multi-byte character never matches
     * one. The first byte decides which rule can apply, so most text is classified at one byte.
     */
    public static ValueType of(byte[] b, int s, int e) {
        int n = e - s;
        int c0 = b[s];
        if ((c0 >= '0' && c0 <= '9') || c0 == '-' || c0 == '+' || c0 == '.') {
            if (n >= 10 && b[s + 4] == '-' && isDateTime(b, s, e)) {
                return DATE_TIME;
            }
            return number(b, s, e);
        }
        if (n == 4 && (c0 | 0x20) == 't' && lowerEquals(b, s, "true") || n == 5 && (c0 | 0x20) == 'f' && lowerEquals(b, s, "false")) {
            return BOOLEAN;
        }
        return TEXT;
    }

    /** Integer: optional sign then digits. Decimal: digits with one point and/or an exponent. */
    private static ValueType number(byte[] b, int s, int e) {
        int i = s;
        if (b[i] == '-' || b[i] == '+') {
            i++;
        }
        int digits = 0;
        boolean point = false;
        boolean exponent = false;
        for (; i < e; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point && !exponent) {
                point = true;
            } else if ((c == 'e' || c == 'E') && digits > 0 && !exponent) {
                exponent = true;
                digits = 0;
                if (i + 1 < e && (b[i + 1] == '-' || b[i + 1] == '+')) {
                    i++;
                }
            } else {
                return TEXT;
            }
        }
        if (digits == 0) {
            return TEXT;
        }
        return point || exponent ? DECIMAL : INTEGER;
    }

    /**
     * ISO-8601 shapes: {@code yyyy-MM-dd}, optionally {@code [T ]HH:mm[:ss[.fff…]]}, optionally
     * {@code Z} or {@code ±HH[:]mm}. Month and day ranges are checked; calendar validity is not.
     */
    static boolean isDateTime(byte[] b, int s, int e) {
        int n = e - s;
        if (n < 10 || !(digit(b[s]) & digit(b[s + 1]) & digit(b[s + 2]) & digit(b[s + 3]) & b[s + 4] == '-'
                & digit(b[s + 5]) & digit(b[s + 6]) & b[s + 7] == '-' & digit(b[s + 8]) & digit(b[s + 9]))) {
            return false;
        }
        int month = (b[s + 5] - '0') * 10 + b[s + 6] - '0';
        int day = (b[s + 8] - '0') * 10 + b[s + 9] - '0';
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return false;
        }
        if (n == 10) {
            return true;
        }
        int i = s + 10;
        int sep = b[i];
        if ((sep != 'T' && sep != ' ') || e < i + 6 || !digits(b, i + 1, 2, e) || b[i + 3] != ':' || !digits(b, i + 4, 2, e)) {
            return false;
        }
        i += 6;
        if (i + 3 <= e && b[i] == ':' && digits(b, i + 1, 2, e)) {
            i += 3;
            if (i < e && (b[i] == '.' || b[i] == ',')) {
                int j = i + 1;
                while (j < e && b[j] >= '0' && b[j] <= '9') {
                    j++;
                }
                if (j == i + 1) {
                    return false;
                }
                i = j;
            }
        }
        if (i == e) {
            return true;
        }
        int z = b[i];
        if (z == 'Z' && i + 1 == e) {
            return true;
        }
        if (z != '+' && z != '-') {
            return false;
        }
        int o = i + 1;
        int len = e - o;
        return len == 2 && digits(b, o, 2, e)
                || len == 4 && digits(b, o, 4, e)
                || len == 5 && digits(b, o, 2, e) && b[o + 2] == ':' && digits(b, o + 3, 2, e);
    }

    private static boolean digits(byte[] b, int from, int count, int e) {
        if (from + count > e) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            if (!digit(b[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean digit(byte c) {
        return (c - '0' & 0xFF) < 10;
    }

    /** ASCII case-insensitive match of {@code b[s..)} against a lower-case word. */
    private static boolean lowerEquals(byte[] b, int s, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            int c = b[s + i];
            if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
