package io.ringsift.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The one parser of byte sizes for every size option: {@code 4096}, {@code 512k}, {@code 64MB},
 * {@code 1GiB}. IEC units ({@code KiB MiB GiB TiB}) and the one-letter forms ({@code k m g t}, as
 * in {@code java -Xmx512m}) are powers of 1024; SI units ({@code KB MB GB TB}) are powers of 1000.
 */
final class SizeConverter implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b?)", Pattern.CASE_INSENSITIVE);

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    static long parse(String value) {
        Matcher m = SIZE.matcher(value.strip());
        if (!m.matches() || m.group(3).equalsIgnoreCase("i")) {
            throw bad(value);
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        String suffix = m.group(3).toLowerCase(Locale.ROOT);
        if (unit.isEmpty() && suffix.equals("ib")) {
            throw bad(value);
        }
        int power = "kmgt".indexOf(unit.isEmpty() ? 'x' : unit.charAt(0)) + 1;
        // "64MB" is SI (10^6); "64MiB" and "64m" are IEC (2^20)
        long base = suffix.equals("b") && power > 0 ? 1000 : 1024;
        long n;
        try {
            n = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
            throw bad(value);
        }
        long result = n;
        try {
            for (int i = 0; i < power; i++) {
                result = Math.multiplyExact(result, base);
            }
        } catch (ArithmeticException e) {
            throw bad(value);
        }
        return result;
    }

    private static TypeConversionException bad(String value) {
        return new TypeConversionException("'" + value + "' is not a size: give bytes (4096) or a number with a unit: "
                + "512k, 64MB (10^6), 64MiB (2^20), 1GiB");
    }
}
