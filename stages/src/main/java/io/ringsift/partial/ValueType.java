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
     * Classifies a non-empty value. Every rule is ASCII-only (digits, signs, {@code true}/{@code false}
     * in any ASCII case), so a value classifies the same whether it is seen as a {@code String} or as
     * its UTF-8 bytes ({@link AsciiView}).
     */
    public static ValueType of(CharSequence s) {
        int n = s.length();
        char c0 = s.charAt(0);
        if ((c0 >= '0' && c0 <= '9') || c0 == '-' || c0 == '+' || c0 == '.') {
            if (n >= 10 && isDateTime(s)) {
                return DATE_TIME;
            }
            return number(s);
        }
        if (n == 4 && asciiEqualsIgnoreCase(s, "true") || n == 5 && asciiEqualsIgnoreCase(s, "false")) {
            return BOOLEAN;
        }
        return TEXT;
    }

    /** Integer: optional sign then digits. Decimal: digits with one point and/or an exponent. */
    private static ValueType number(CharSequence s) {
        int n = s.length();
        int i = 0;
        if (s.charAt(0) == '-' || s.charAt(0) == '+') {
            i++;
        }
        int digits = 0;
        boolean point = false;
        boolean exponent = false;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                digits++;
            } else if (c == '.' && !point && !exponent) {
                point = true;
            } else if ((c == 'e' || c == 'E') && digits > 0 && !exponent) {
                exponent = true;
                digits = 0;
                if (i + 1 < n && (s.charAt(i + 1) == '-' || s.charAt(i + 1) == '+')) {
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
    static boolean isDateTime(CharSequence s) {
        int n = s.length();
        if (!digits(s, 0, 4) || s.charAt(4) != '-' || !digits(s, 5, 2) || s.charAt(7) != '-' || !digits(s, 8, 2)) {
            return false;
        }
        int month = (s.charAt(5) - '0') * 10 + s.charAt(6) - '0';
        int day = (s.charAt(8) - '0') * 10 + s.charAt(9) - '0';
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return false;
        }
        if (n == 10) {
            return true;
        }
        int i = 10;
        char sep = s.charAt(i);
        if ((sep != 'T' && sep != ' ') || n < i + 6 || !digits(s, i + 1, 2) || s.charAt(i + 3) != ':' || !digits(s, i + 4, 2)) {
            return false;
        }
        i += 6;
        if (i + 3 <= n && s.charAt(i) == ':' && digits(s, i + 1, 2)) {
            i += 3;
            if (i < n && (s.charAt(i) == '.' || s.charAt(i) == ',')) {
                int j = i + 1;
                while (j < n && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
                    j++;
                }
                if (j == i + 1) {
                    return false;
                }
                i = j;
            }
        }
        if (i == n) {
            return true;
        }
        char z = s.charAt(i);
        if (z == 'Z' && i + 1 == n) {
            return true;
        }
        if (z != '+' && z != '-') {
            return false;
        }
        CharSequence off = s.subSequence(i + 1, n);
        return off.length() == 2 && digits(off, 0, 2)
                || off.length() == 4 && digits(off, 0, 4)
                || off.length() == 5 && digits(off, 0, 2) && off.charAt(2) == ':' && digits(off, 3, 2);
    }

    private static boolean digits(CharSequence s, int from, int count) {
        if (from + count > s.length()) {
            return false;
        }
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean asciiEqualsIgnoreCase(CharSequence s, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            char c = s.charAt(i);
            if ((c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) != lower.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
