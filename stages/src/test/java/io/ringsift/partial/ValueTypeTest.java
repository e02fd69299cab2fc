package io.ringsift.partial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ValueTypeTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|INTEGER", "-42|INTEGER", "+7|INTEGER", "12345678901234567890|INTEGER",
        "1.5|DECIMAL", "-0.25|DECIMAL", ".5|DECIMAL", "1e10|DECIMAL", "2.5E-3|DECIMAL",
        "true|BOOLEAN", "FALSE|BOOLEAN",
        "2026-01-03|DATE_TIME", "2026-01-03T10:15:00Z|DATE_TIME", "2026-01-03 10:15|DATE_TIME",
        "2026-01-03T10:15:00.123+01:00|DATE_TIME", "2026-01-03T10:15:00-0500|DATE_TIME",
        "2026-13-03|TEXT", "2026-01-03T|TEXT", "1.2.3|TEXT", "-|TEXT", "1e|TEXT", "abc|TEXT", "yes|TEXT", "12a|TEXT",
        "'   '|TEXT"})
    void classifiesByShape(String value, ValueType expected) {
        assertThat(ValueType.of(value)).isEqualTo(expected);
    }
}
