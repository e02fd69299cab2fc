package io.ringsift.generate;

import static io.ringsift.generate.GeneratorFormat.CSV;
import static io.ringsift.generate.GeneratorFormat.JSONL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.bson.BsonDocument;
import org.bson.BsonType;
import org.bson.BsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SyntheticDataTest {
    @TempDir
    Path dir;

    @Test
    void sameSeedGivesIdenticalBytesAndAnotherSeedDoesNot() {
        for (GeneratorFormat f : GeneratorFormat.values()) {
            byte[] a = Recount.generate(f, new GeneratorSpec(2_000, 0.3, 8, 42));
            byte[] b = Recount.generate(f, new GeneratorSpec(2_000, 0.3, 8, 42));
            byte[] c = Recount.generate(f, new GeneratorSpec(2_000, 0.3, 8, 43));
            assertThat(a).as(f.name()).isEqualTo(b).isNotEqualTo(c);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 8, 13})
    void csvParsesIntoExactlyRowsRecordsOfCFieldsAndCountsAreExact(int columns) throws IOException {
        GeneratorSpec spec = new GeneratorSpec(5_000, 0.4, columns, 7);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GeneratorResult result = SyntheticData.write(CSV, spec, out);
        byte[] bytes = out.toByteArray();

        List<CSVRecord> records = Recount.parseCsv(bytes);
        assertThat(records).hasSize(5_000).allMatch(r -> r.size() == columns);
        assertThat(records.get(0).getParser().getHeaderNames()).hasSize(columns).startsWith("key").doesNotHaveDuplicates();
        Recount recount = Recount.csv(bytes);
        assertThat(result.rows()).isEqualTo(recount.rows());
        assertThat(result.distinctKeys()).isEqualTo(recount.distinct());
        assertThat(result.duplicateRows()).isEqualTo(recount.duplicates()).isPositive();
        assertThat(result.bytes()).isEqualTo(bytes.length);
    }

    @Test
    void csvHasTheAwkwardFieldsItPromises() {
        List<CSVRecord> records = Recount.parseCsv(Recount.generate(CSV, new GeneratorSpec(3_000, 0.1, 8, 1)));
        List<String> fields = records.stream().flatMap(CSVRecord::stream).toList();

        assertThat(fields).anyMatch(f -> f.contains(","));
        assertThat(fields).anyMatch(f -> f.contains("\""));
        assertThat(fields).anyMatch(f -> f.contains("\n") && !f.contains("\r"));
        assertThat(fields).anyMatch(f -> f.contains("\r\n"));
        assertThat(fields).anyMatch(f -> f.codePoints().anyMatch(Character::isSupplementaryCodePoint)); // emoji
        assertThat(fields).anyMatch(f -> f.codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN));
        assertThat(fields).anyMatch(String::isEmpty);
        assertThat(records).extracting(r -> r.get("key")).anyMatch(k -> k.contains(",")).anyMatch(k -> k.contains("\""));
        assertThat(records).extracting(r -> r.get("updated_at")).allMatch(t -> t.matches("20\\d\\d-\\d\\d-\\d\\dT.*Z"));
        assertThat(records).extracting(r -> r.get("price")).allMatch(p -> p.matches("-?\\d+\\.\\d\\d"));
    }

    @Test
    void csvRowsAreAboutTheTargetSize() {
        byte[] bytes = Recount.generate(CSV, new GeneratorSpec(10_000, 0.2, 8, 3));

        assertThat(bytes.length / 10_000).isBetween(100, 180); // ~1 GB for 10M rows at 8 columns
    }

    @Test
    void jsonlLinesAreExtendedJsonDocumentsWithNestedFieldsAndMixedTypes() {
        GeneratorSpec spec = new GeneratorSpec(3_000, 0.3, 8, 11);
        byte[] bytes = Recount.generate(JSONL, spec);

        List<BsonDocument> docs = Recount.parseJsonl(bytes);
        assertThat(docs).hasSize(3_000);
        assertThat(docs).allSatisfy(d -> {
            assertThat(d.keySet()).containsExactly("_id", "key", "customer", "items", "qty", "price", "active", "updated_at",
                    "note");
            assertThat(d.get("_id").getBsonType()).isEqualTo(BsonType.OBJECT_ID);
            assertThat(d.getDocument("customer").getDocument("address").containsKey("city")).isTrue();
            assertThat(d.getArray("items")).allMatch(BsonValue::isDocument);
        });
        assertThat(docs).extracting(d -> d.getObjectId("_id").getValue()).isSorted().doesNotHaveDuplicates();
        assertThat(types(docs, "qty")).contains(BsonType.INT32, BsonType.INT64, BsonType.STRING, BsonType.NULL);
        assertThat(types(docs, "price")).contains(BsonType.DOUBLE, BsonType.DECIMAL128);
        assertThat(types(docs, "updated_at")).contains(BsonType.DATE_TIME, BsonType.STRING);
        assertThat(Recount.jsonl(bytes).matches(generated(JSONL, spec))).isTrue();
    }

    @Test
    void sameSeedGivesTheSameKeysInCsvAndJsonlWhateverTheColumns() {
        Recount csv = Recount.csv(Recount.generate(CSV, new GeneratorSpec(1_000, 0.5, 3, 99)));
        Recount jsonl = Recount.jsonl(Recount.generate(JSONL, new GeneratorSpec(1_000, 0.5, 9, 99)));

        assertThat(jsonl.keys()).isEqualTo(csv.keys());
    }

    @Test
    void duplicateRateIsHonouredClosely() {
        GeneratorResult r = generated(CSV, new GeneratorSpec(100_000, 0.25, 2, 5));

        assertThat((double) r.duplicateRows() / r.rows()).isBetween(0.24, 0.26);
        assertThat(r.distinctKeys() + r.duplicateRows()).isEqualTo(r.rows());
    }

    @Test
    void extremeRates() {
        GeneratorResult none = generated(CSV, new GeneratorSpec(1_000, 0.0, 2, 5));
        GeneratorResult all = generated(JSONL, new GeneratorSpec(1_000, 1.0, 2, 5));

        assertThat(none.distinctKeys()).isEqualTo(1_000);
        assertThat(none.duplicateRows()).isZero();
        assertThat(all.distinctKeys()).isEqualTo(1); // the first row has nothing earlier to repeat
        assertThat(all.duplicateRows()).isEqualTo(999);
    }

    @Test
    void zeroRowsIsAHeaderOnlyCsvAndAnEmptyJsonl() {
        assertThat(new String(Recount.generate(CSV, new GeneratorSpec(0, 0.5, 3, 1)))).isEqualTo("key,qty,price\n");
        assertThat(Recount.generate(JSONL, new GeneratorSpec(0, 0.5, 3, 1))).isEmpty();
        assertThat(generated(CSV, new GeneratorSpec(0, 0.5, 3, 1))).isEqualTo(new GeneratorResult(0, 0, 0, 14));
    }

    @Test
    void writesAFileAtomicallyAndReportsItsSize() throws IOException {
        Path file = dir.resolve("data.csv");

        GeneratorResult r = SyntheticData.write(CSV, new GeneratorSpec(500, 0.2, 4, 8), file);

        assertThat(Files.size(file)).isEqualTo(r.bytes());
        assertThat(Recount.csv(Files.readAllBytes(file)).matches(r)).isTrue();
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("data.csv");
        }
        assertThat(r.summary()).isEqualTo("rows 500, distinct keys " + r.distinctKeys() + ", duplicate rows "
                + r.duplicateRows() + ", bytes " + r.bytes());
    }

    @Test
    void failedFileWriteNamesTheTargetAndLeavesNothing() throws IOException {
        Path notADir = Files.writeString(dir.resolve("plain"), "x");

        assertThatThrownBy(() -> SyntheticData.write(CSV, new GeneratorSpec(10, 0.2, 4, 8), notADir.resolve("d.csv")))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot write " + notADir.resolve("d.csv"));
        try (Stream<Path> s = Files.list(dir)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("plain");
        }
    }

    @Test
    void argumentChecksStateTheRuleAndTheValue() {
        assertThatThrownBy(() -> new GeneratorSpec(-1, 0.1, 2, 0)).hasMessage("Rows (-1) must be >= 0");
        assertThatThrownBy(() -> new GeneratorSpec(1, 1.5, 2, 0)).hasMessage("Duplicate rate (1.5) must be between 0 and 1");
        assertThatThrownBy(() -> new GeneratorSpec(1, Double.NaN, 2, 0)).hasMessageContaining("(NaN)");
        assertThatThrownBy(() -> new GeneratorSpec(1, 0.1, 1, 0))
                .hasMessage("Columns (1) must be >= 2: the key and at least one field");
    }

    @Test
    void keyTextsOfDifferentIndicesNeverCollide() {
        KeySequence keys = new KeySequence(123, 0.0);
        Set<String> texts = new HashSet<>();
        for (long i = 0; i < 200_000; i++) {
            assertThat(texts.add(keys.text(i))).as("index %d", i).isTrue();
        }
        assertThat(keys.text(5)).isEqualTo(new KeySequence(123, 0.9).text(5)).isNotEqualTo(new KeySequence(124, 0.0).text(5));
    }

    private static GeneratorResult generated(GeneratorFormat f, GeneratorSpec spec) {
        try {
            return SyntheticData.write(f, spec, new ByteArrayOutputStream());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static Set<BsonType> types(List<BsonDocument> docs, String field) {
        Set<BsonType> types = new HashSet<>();
        docs.forEach(d -> types.add(d.get(field).getBsonType()));
        return types;
    }
}
