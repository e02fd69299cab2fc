package io.ringsift.bench;

import io.ringsift.record.RecordBatch;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The rows of a {@link CsvGen} file (seed 42, 20% repeated keys, quoted text), in the forms the field-statistics benchmarks feed. */
public final class GeneratedRows {
    private GeneratedRows() {
    }

    /** {@code rows} generated rows, parsed by Commons CSV: each row's values as Strings. */
    public static List<String[]> values(int rows) {
        byte[] bytes = CsvGen.bytes(rows, 42, 0.2, true);
        List<String[]> list = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8);
             CSVParser p = CSVParser.builder().setReader(r).setFormat(format).get()) {
            for (CSVRecord rec : p) {
                list.add(rec.values());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return list;
    }

    /**
     * The rows as {@code ByteRow}s in one batch's arena, as a reader fills a slot: each value
     * encoded by the batch ({@code fromStrings}, the Commons CSV parser's path) or added as UTF-8
     * bytes (the fast parser's slices).
     */
    public static Object[] byteRows(List<String[]> values, boolean fromStrings) {
        RecordBatch<?> batch = new RecordBatch<>(values.size());
        Object[] rows = new Object[values.size()];
        for (int i = 0; i < rows.length; i++) {
            int fields = batch.fieldMark();
            int arena = batch.arenaMark();
            for (String v : values.get(i)) {
                if (fromStrings) {
                    batch.addField(v);
                } else {
                    byte[] b = v.getBytes(StandardCharsets.UTF_8);
                    batch.addField(b, 0, b.length);
                }
            }
            rows[i] = batch.endRow(fields, arena);
        }
        return rows;
    }
}
