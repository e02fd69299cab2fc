package io.ringsift.partial;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Column statistics from UTF-8 bytes (the fast parser) equal those from Strings (Commons CSV). */
class ColumnStatsBytesTest {

    @Provide
    Arbitrary<List<String>> columnValues() {
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.strings().all().ofMaxLength(12),
                Arbitraries.strings().withChars("0123456789.-+eE").ofMaxLength(8),
                Arbitraries.of("true", "FALSE", "TrUe", "2026-01-03", "2026-01-03T10:15:00Z", "2026-01-03 10:15:00.5+01:00",
                        "falſe", "é", "字", "😀", "", " ", "1e5", "-0.5"));
        return value.list().ofMaxSize(40);
    }

    @Property(tries = 300)
    void bytesAndStringsGiveTheSameFigures(@ForAll("columnValues") List<String> raw) {
        ColumnStats fromStrings = new ColumnStats(true);
        ColumnStats fromBytes = new ColumnStats(true);
        AsciiView view = new AsciiView();
        for (String r : raw) {
            // what a CSV file can hold: valid UTF-8 (an unpaired surrogate cannot be encoded)
            byte[] b = r.getBytes(StandardCharsets.UTF_8);
            String v = new String(b, StandardCharsets.UTF_8);
            fromStrings.accept(v);
            byte[] padded = new byte[b.length + 4];
            System.arraycopy(b, 0, padded, 2, b.length);
            fromBytes.accept(padded, 2, 2 + b.length, view);
            if (!v.isEmpty()) {
                assertThat(ValueType.of(view.of(padded, 2, 2 + b.length))).as(v).isEqualTo(ValueType.of(v));
            }
            assertThat(ColumnStats.fnv1a64(padded, 2, 2 + b.length)).isEqualTo(ColumnStats.fnv1a64(v));
        }
        assertThat(fromBytes.nonEmpty()).isEqualTo(fromStrings.nonEmpty());
        assertThat(fromBytes.minLength()).isEqualTo(fromStrings.minLength());
        assertThat(fromBytes.maxLength()).isEqualTo(fromStrings.maxLength());
        for (ValueType t : ValueType.values()) {
            assertThat(fromBytes.typeCount(t)).as(t.label).isEqualTo(fromStrings.typeCount(t));
        }
        assertThat(fromBytes.distinctEstimate()).isEqualTo(fromStrings.distinctEstimate());
    }
}
