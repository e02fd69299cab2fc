package io.ringsift.generate;

import java.util.List;

/**
 * The field layout for a given column count: {@code key} first, then kinds in a fixed cycle, named
 * after the kind and numbered from the second lap ({@code qty}, …, {@code qty_2}).
 */
final class Columns {
    enum Kind {
        OBJECT("customer"), ARRAY("items"), INT("qty"), DECIMAL("price"), BOOL("active"),
        TIMESTAMP("updated_at"), TEXT("note"), NAME("name");

        final String base;

        Kind(String base) {
            this.base = base;
        }
    }

    static final List<Kind> CSV_CYCLE = List.of(Kind.INT, Kind.DECIMAL, Kind.BOOL, Kind.TIMESTAMP, Kind.TEXT, Kind.NAME);
    /** Nested kinds first, so any JSONL layout of 3+ fields has a subdocument and an array. */
    static final List<Kind> JSONL_CYCLE = List.of(Kind.OBJECT, Kind.ARRAY, Kind.INT, Kind.DECIMAL, Kind.BOOL,
            Kind.TIMESTAMP, Kind.TEXT, Kind.NAME);

    final Kind[] kinds;
    final String[] names;

    Columns(int columns, List<Kind> cycle) {
        kinds = new Kind[columns - 1];
        names = new String[columns];
        names[0] = "key";
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = cycle.get(i % cycle.size());
            int lap = i / cycle.size();
            names[i + 1] = lap == 0 ? kinds[i].base : kinds[i].base + "_" + (lap + 1);
        }
    }
}
