package io.ringsift.generate;

import java.io.IOException;
import java.io.Writer;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes CSV rows one at a time through commons-csv, so quoting is RFC 4180-correct. */
final class CsvGenerator {
    /** RFC 4180 quoting (minimal, doubled quotes) but LF between records, the Unix norm. */
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();

    private CsvGenerator() {
    }

    static void write(GeneratorSpec spec, KeySequence keys, SplittableRandom valuesRandom, Writer out) throws IOException {
        Columns columns = new Columns(spec.columns(), Columns.CSV_CYCLE);
        FieldValues values = new FieldValues(valuesRandom);
        CSVPrinter printer = new CSVPrinter(out, FORMAT); // not closed: the caller owns the writer
        printer.printRecord((Object[]) columns.names);
        String[] row = new String[spec.columns()];
        for (long r = 0; r < spec.rows(); r++) {
            row[0] = keys.text(keys.next());
            for (int c = 0; c < columns.kinds.length; c++) {
                row[c + 1] = value(columns.kinds[c], values);
            }
            printer.printRecord((Object[]) row);
        }
        printer.flush();
    }

    private static String value(Columns.Kind kind, FieldValues v) {
        return switch (kind) {
            case INT -> v.chance(0.03) ? "" : Integer.toString(v.smallInt());
            case DECIMAL -> FieldValues.decimalText(v.cents());
            case BOOL -> v.bool() ? "true" : "false";
            case TIMESTAMP -> FieldValues.isoText(v.epochMillis());
            case TEXT -> v.note();
            case NAME -> v.name();
            case OBJECT, ARRAY -> throw new IllegalStateException("CSV has no nested " + kind);
        };
    }
}
