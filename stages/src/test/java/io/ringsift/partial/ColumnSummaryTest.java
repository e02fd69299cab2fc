package io.ringsift.partial;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.partial.ColumnStats.Frequent;
import io.ringsift.record.ByteRow;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The column summary of a small table, against figures worked out by hand (see the comments). */
class ColumnSummaryTest {
    static final List<String> NAMES = List.of("id", "amount", "city", "flag", "when", "note");
    static final String[][] ROWS = {
        {"1", "10.5", "Oslo", "true", "2026-01-03", ""},
        {"2", "-3", "Lima", "false", "2026-01-04", "x"},
        {"3", "10.50", "Oslo", "TRUE", "2026-01-05", ""},
        {"4", "abc", "Oslo", "", "2026-01-06", "hello"},
        {"5", "1e3", "Lima", "yes", "", ""},
    };

    static CsvFieldProfile profile() {
        CsvFieldProfile p = new CsvFieldProfile(NAMES, new int[][] {{0, 1, 2, 3, 4, 5}}, StatsLevel.FULL);
        for (String[] r : ROWS) {
            p.accept(ByteRow.of(r), 0);
        }
        return p;
    }

    private static Frequent one(String v) {
        return new Frequent(v, 1, 1, 1);
    }

    @Test
    void integerColumn() {
        ColumnStats id = profile().column(0);
        assertThat(id.nonEmpty()).isEqualTo(5);
        assertThat(id.empty()).isZero();
        assertThat(id.typeCount(ValueType.INTEGER)).isEqualTo(5);
        assertThat(id.dominantType()).isEqualTo(ValueType.INTEGER);
        assertThat(id.minMaxByNumber()).isTrue();
        assertThat(id.min()).isEqualTo("1");
        assertThat(id.max()).isEqualTo("5");
        assertThat(id.distinctEstimate()).isEqualTo(5);
        assertThat(id.distinctExact()).isTrue();
        assertThat(id.frequent()).containsExactly(one("1"), one("2"), one("3"), one("4"), one("5"));
        assertThat(id.frequentMaxError()).isZero();
    }

    @Test
    void mixedNumbersOrderedByValueNotText() {
        ColumnStats amount = profile().column(1);
        // decimal: 10.5, 10.50, 1e3; integer: -3; text: abc
        assertThat(amount.typeCount(ValueType.DECIMAL)).isEqualTo(3);
        assertThat(amount.typeCount(ValueType.INTEGER)).isEqualTo(1);
        assertThat(amount.typeCount(ValueType.TEXT)).isEqualTo(1);
        assertThat(amount.dominantType()).isEqualTo(ValueType.DECIMAL);
        assertThat(amount.minMaxByNumber()).isTrue();
        assertThat(amount.min()).isEqualTo("-3");        // as text "-3" < "10.5" too, but:
        assertThat(amount.max()).isEqualTo("1e3");       // 1000 > 10.5, though "1e3" is not the longest
        assertThat(amount.minLength()).isEqualTo(2);
        assertThat(amount.maxLength()).isEqualTo(5);
        assertThat(amount.distinctEstimate()).isEqualTo(5);   // 10.5 and 10.50 are different values
        // all counts 1: ties in code point order ('-' < '0' < 'e' < 'a'... by bytes: "-3" < "10.5" < "10.50" < "1e3" < "abc")
        assertThat(amount.frequent()).containsExactly(one("-3"), one("10.5"), one("10.50"), one("1e3"), one("abc"));
    }

    @Test
    void textColumnMinMaxByLengthThenValue() {
        ColumnStats city = profile().column(2);
        assertThat(city.dominantType()).isEqualTo(ValueType.TEXT);
        assertThat(city.minMaxByNumber()).isFalse();
        assertThat(city.min()).isEqualTo("Lima");   // both 4 chars: the smaller value
        assertThat(city.max()).isEqualTo("Oslo");
        assertThat(city.distinctEstimate()).isEqualTo(2);
        assertThat(city.frequent()).containsExactly(new Frequent("Oslo", 3, 3, 3), new Frequent("Lima", 2, 2, 2));
    }

    @Test
    void booleansWithAnEmptyAndAStray() {
        ColumnStats flag = profile().column(3);
        assertThat(flag.nonEmpty()).isEqualTo(4);
        assertThat(flag.empty()).isEqualTo(1);
        assertThat(flag.typeCount(ValueType.BOOLEAN)).isEqualTo(3);
        assertThat(flag.typeCount(ValueType.TEXT)).isEqualTo(1);
        assertThat(flag.dominantType()).isEqualTo(ValueType.BOOLEAN);
        assertThat(flag.min()).isEqualTo("yes");     // 3 chars, the shortest
        assertThat(flag.max()).isEqualTo("false");   // 5 chars, the longest
        assertThat(flag.minLength()).isZero();       // the empty value counts for lengths
        assertThat(flag.maxLength()).isEqualTo(5);
        assertThat(flag.distinctEstimate()).isEqualTo(4);   // case matters: true and TRUE differ
        assertThat(flag.frequent()).containsExactly(one("TRUE"), one("false"), one("true"), one("yes"));
    }

    @Test
    void datesAndMostlyEmptyText() {
        CsvFieldProfile p = profile();
        ColumnStats when = p.column(4);
        assertThat(when.typeCount(ValueType.DATE_TIME)).isEqualTo(4);
        assertThat(when.empty()).isEqualTo(1);
        assertThat(when.min()).isEqualTo("2026-01-03");
        assertThat(when.max()).isEqualTo("2026-01-06");
        ColumnStats note = p.column(5);
        assertThat(note.empty()).isEqualTo(3);
        assertThat(note.nonEmpty()).isEqualTo(2);
        assertThat(note.min()).isEqualTo("x");
        assertThat(note.max()).isEqualTo("hello");
        assertThat(note.frequent()).containsExactly(one("hello"), one("x"));
    }

    @Test
    void basicLevelKeepsMinMaxButNoCounts() {
        CsvFieldProfile p = new CsvFieldProfile(NAMES, new int[][] {{0, 1, 2, 3, 4, 5}}, StatsLevel.BASIC);
        for (String[] r : ROWS) {
            p.accept(ByteRow.of(r), 0);
        }
        assertThat(p.column(1).max()).isEqualTo("1e3");
        assertThat(p.column(2).distinctEstimate()).isEqualTo(-1);
        assertThat(p.column(2).frequent()).isEmpty();
        assertThat(p.column(2).frequentMaxError()).isEqualTo(-1);
    }

    @Test
    void mergingHalvesGivesTheWholeTablesFigures() {
        CsvFieldProfile a = new CsvFieldProfile(NAMES, new int[][] {{0, 1, 2, 3, 4, 5}}, StatsLevel.FULL);
        CsvFieldProfile b = new CsvFieldProfile(NAMES, new int[][] {{0, 1, 2, 3, 4, 5}}, StatsLevel.FULL);
        for (int i = 0; i < ROWS.length; i++) {
            (i % 2 == 0 ? a : b).accept(ByteRow.of(ROWS[i]), 0);
        }
        b.mergeFrom(a);
        CsvFieldProfile whole = profile();
        for (int c = 0; c < NAMES.size(); c++) {
            ColumnStats m = b.column(c);
            ColumnStats w = whole.column(c);
            assertThat(m.min()).as(NAMES.get(c)).isEqualTo(w.min());
            assertThat(m.max()).as(NAMES.get(c)).isEqualTo(w.max());
            assertThat(m.empty()).isEqualTo(w.empty());
            assertThat(m.frequent()).isEqualTo(w.frequent());
            assertThat(m.distinctEstimate()).isEqualTo(w.distinctEstimate());
        }
    }
}
