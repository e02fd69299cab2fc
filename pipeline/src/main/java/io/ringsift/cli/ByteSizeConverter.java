package io.ringsift.cli;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A byte size as users write it: {@code 1048576}, {@code 512k}, {@code 64MB}, {@code 1GiB}. Decimal
 * units (kB, MB, GB, TB) are powers of 1000, binary ones (KiB, MiB, GiB, TiB) and the bare letters
 * (k, m, g, t) powers of 1024, as in the JVM's own -Xmx. The one converter of every size option
 * ({@code --exact-memory}, {@code --split-size}, {@code --max-record-size}, {@code --max-field-size}).
 */
final class ByteSizeConverter implements ITypeConverter<Long> {
    private static final Pattern SIZE = Pattern.compile("\\s*(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)(i?)(b?)\\s*", Pattern.CASE_INSENSITIVE);

    @Override
    public Long convert(String value) {
        return parse(value);
    }

    static long parse(String value) {
        Matcher m = SIZE.matcher(value);
        if (!m.matches()) {
            throw new TypeConversionException("'" + value + "' is not a size: give bytes, or a number with a unit such as 512k, 64MB, 1GiB");
        }
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        boolean decimal = !unit.isEmpty() && m.group(3).isEmpty() && !m.group(4).isEmpty();
        int power = unit.isEmpty() ? 0 : "kmgt".indexOf(unit) + 1;
        double bytes = Double.parseDouble(m.group(1)) * Math.pow(decimal ? 1000 : 1024, power);
        if (bytes > Long.MAX_VALUE / 2) {
            throw new TypeConversionException("'" + value + "' is too large a size");
        }
        return (long) bytes;
    }
}
