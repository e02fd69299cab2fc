package io.ringsift.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.bson.BsonDocument;

/** Generated output parsed back independently, and its keys counted with a HashSet. */
record Recount(long rows, long distinct, long duplicates, List<String> keys) {

    static byte[] generate(GeneratorFormat format, GeneratorSpec spec) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            SyntheticData.write(format, spec, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static List<CSVRecord> parseCsv(byte[] bytes) {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(new String(bytes, StandardCharsets.UTF_8)), format)) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<BsonDocument> parseJsonl(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<BsonDocument> docs = new ArrayList<>();
        if (text.isEmpty()) {
            return docs;
        }
        if (!text.endsWith("\n")) {
            throw new AssertionError("JSONL must end with a newline");
        }
        for (String line : text.substring(0, text.length() - 1).split("\n", -1)) {
            docs.add(BsonDocument.parse(line));
        }
        return docs;
    }

    static Recount of(List<String> keys) {
        Set<String> seen = new HashSet<>();
        long dups = 0;
        for (String k : keys) {
            if (!seen.add(k)) {
                dups++;
            }
        }
        return new Recount(keys.size(), seen.size(), dups, keys);
    }

    static Recount csv(byte[] bytes) {
        return of(parseCsv(bytes).stream().map(r -> r.get("key")).toList());
    }

    static Recount jsonl(byte[] bytes) {
        return of(parseJsonl(bytes).stream().map(d -> d.getString("key").getValue()).toList());
    }

    boolean matches(GeneratorResult r) {
        return r.rows() == rows && r.distinctKeys() == distinct && r.duplicateRows() == duplicates;
    }
}
