package io.ringsift.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A batch stamped with handed columns carries their values row by row and feeds each column its own, in row order. */
class HandedColumnsTest {
    /** Collects what it is fed. */
    private static final class Collect implements ValueSink {
        final List<String> values = new ArrayList<>();

        @Override
        public void accept(byte[] b, int start, int end, boolean ascii) {
            values.add(new String(b, start, end - start, StandardCharsets.UTF_8) + (ascii ? "" : "~"));
        }
    }

    private static void addRow(RecordBatch<Object> batch, String... handedValues) {
        boolean ascii = true;
        for (String v : handedValues) {
            ascii &= v.chars().allMatch(c -> c < 0x80);
        }
        batch.markAscii(ascii);
        for (String v : handedValues) {
            byte[] b = ("<" + v + ">").getBytes(StandardCharsets.UTF_8);
            batch.addHandedValue(b, 1, b.length - 2);
        }
        batch.add(0, 0, 1, null, null);
    }

    @Test
    void eachColumnGetsItsValuesInRowOrder() {
        Collect city = new Collect();
        Collect note = new Collect();
        HandedColumns handed = HandedColumns.NONE.with(city, 3, 0).with(note, 7, 1);
        RecordBatch<Object> batch = new RecordBatch<>(8);
        batch.reset(0);
        batch.handOver(handed);
        addRow(batch, "Oslo", "a");
        addRow(batch, "", "é字");
        addRow(batch, "Lima", "");

        assertThat(batch.handed().count()).isEqualTo(2);
        assertThat(batch.handed().field(1)).isEqualTo(7);
        assertThat(batch.handed().handler(1)).isEqualTo(1);
        batch.feedHanded(0);
        batch.feedHanded(1);
        // "~": the row was not all ASCII, and the sink is told so
        assertThat(city.values).containsExactly("Oslo", "~", "Lima");
        assertThat(note.values).containsExactly("a", "é字~", "");
    }

    @Test
    void aResetBatchCarriesNoColumns() {
        RecordBatch<Object> batch = new RecordBatch<>(8);
        batch.handOver(HandedColumns.NONE.with(new Collect(), 0, 0));
        batch.reset(1);
        assertThat(batch.handed()).isSameAs(HandedColumns.NONE);
    }
}
