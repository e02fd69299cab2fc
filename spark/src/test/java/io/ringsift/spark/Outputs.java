package io.ringsift.spark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringsift.filter.BloomChain;
import io.ringsift.filter.FilterFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** Reads a run's output directory and compares a Spark run's with a local run's. */
final class Outputs {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Outputs() {
    }

    static JsonNode report(Path dir) throws IOException {
        return JSON.readTree(dir.resolve("report.json").toFile());
    }

    /** Every stage's serialized bits (Guava's form), in stage order. */
    static List<byte[]> filterStages(Path dir) throws IOException {
        BloomChain chain = FilterFile.read(dir.resolve("filter.bf")).chain();
        List<byte[]> out = new ArrayList<>();
        for (BloomChain.Stage s : chain.stages()) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            s.bloom().writeTo(b);
            out.add(b.toByteArray());
        }
        return out;
    }

    /**
     * Field statistics are equal, except the HyperLogLog {@code distinctEstimate} of a non-key column:
     * the sketches hold the same registers however the rows were split, but a sketch that was never
     * merged answers with its HIP estimator and a merged one with the composite estimator, so the
     * figure depends on how many merges happened (locally too: on the handler count). Both are
     * estimates with 1.6% standard error; they must agree within 5% (about 3 sigma). The key
     * column's figure is the exact distinct count and must be equal. The frequent values' error
     * bounds likewise depend on the number of merges and are left out; the values and counts are not.
     */
    static void assertSameFields(JsonNode spark, JsonNode local) {
        assertThat(spark.size()).isEqualTo(local.size());
        for (int i = 0; i < spark.size(); i++) {
            com.fasterxml.jackson.databind.node.ObjectNode a = spark.get(i).deepCopy();
            com.fasterxml.jackson.databind.node.ObjectNode b = local.get(i).deepCopy();
            JsonNode da = a.remove("distinctEstimate");
            JsonNode db = b.remove("distinctEstimate");
            // the frequent-values error bound adds one per merged window, so it depends on how the rows were split
            // (locally too: on the handler count); the values and counts themselves must be equal
            a.remove("frequentValuesMaxError");
            b.remove("frequentValuesMaxError");
            boolean estimated = !a.path("distinctExact").asBoolean(true) || !b.path("distinctExact").asBoolean(true);
            for (com.fasterxml.jackson.databind.node.ObjectNode f : List.of(a, b)) {
                if (estimated) {
                    // past the exact table the distinct bounds and the frequent values come from sketches merged in another order
                    f.remove(List.of("distinctLowerBound", "distinctUpperBound", "frequentValues", "frequentValuesExact"));
                } else if (f.get("frequentValues") != null) {
                    f.get("frequentValues").forEach(v -> ((com.fasterxml.jackson.databind.node.ObjectNode) v)
                            .remove(List.of("lowerBound", "upperBound")));
                }
            }
            assertThat(a).as("field %s", b.get("name")).isEqualTo(b);
            if (db != null) {
                assertThat(da).as("field %s distinctEstimate", b.get("name")).isNotNull();
                assertThat(da.asDouble()).as("field %s distinctEstimate", b.get("name"))
                        .isCloseTo(db.asDouble(), org.assertj.core.data.Percentage.withPercentage(5));
            }
        }
    }

    /** rejects.csv rows as "source|line|reason|raw", sorted (local readers interleave; Spark writes in chunk order). */
    static List<String> rejects(Path dir) throws IOException {
        return rejectRows(dir, rec -> rec.get("source") + "|" + rec.get("line") + "|" + rec.get("reason") + "|" + rec.get("raw"));
    }

    /** rejects.csv rows as "source|id|reason|raw", sorted: a collection's rejects are named by their _id, not a line. */
    static List<String> rejectsById(Path dir) throws IOException {
        return rejectRows(dir, rec -> {
            assertThat(rec.get("line")).as("a document has no line").isEmpty();
            return rec.get("source") + "|" + rec.get("id") + "|" + rec.get("reason") + "|" + rec.get("raw");
        });
    }

    private static List<String> rejectRows(Path dir, Function<CSVRecord, String> row) throws IOException {
        Path f = dir.resolve("rejects.csv");
        if (!Files.exists(f)) {
            return List.of();
        }
        List<String> rows = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                rows.add(row.apply(rec));
            }
        }
        rows.sort(null);
        return rows;
    }

    /**
     * A Spark run over a collection says what the local run says: counts, sources, every field path
     * with its document count and types (no estimate among them: equal), rejects with their _id,
     * the filter's parameters and bits.
     */
    static void assertSameDocuments(Path spark, Path local) throws IOException {
        JsonNode s = report(spark);
        JsonNode l = report(local);
        assertThat(s.get("complete").asBoolean()).isTrue();
        for (String f : List.of("command", "records", "rejected", "duplicateRecords", "distinctKeysEstimate", "key", "sources", "fields")) {
            assertThat(s.get(f)).as(f).isEqualTo(l.get(f));
        }
        assertThat(s.get("counts").get("method")).isEqualTo(l.get("counts").get("method"));
        assertThat(s.get("counts").get("exactKeys")).isEqualTo(l.get("counts").get("exactKeys"));
        for (String f : List.of("bits", "hashFunctions", "expectedKeys", "fpp", "estimatedFpp", "stages")) {
            assertThat(s.get("filter").get(f)).as("filter." + f).isEqualTo(l.get("filter").get(f));
        }
        assertThat(rejectsById(spark)).isEqualTo(rejectsById(local));
        assertThat(FilterFile.read(spark.resolve("filter.bf")).header().keySource()).isEqualTo("mongo");
        assertSameBits(spark, local);
    }

    private static void assertSameBits(Path spark, Path local) throws IOException {
        List<byte[]> sb = filterStages(spark);
        List<byte[]> lb = filterStages(local);
        assertThat(sb).hasSameSizeAs(lb);
        for (int i = 0; i < sb.size(); i++) {
            assertThat(sb.get(i)).as("filter stage %d bits", i).isEqualTo(lb.get(i));
        }
    }

    /** The Spark run's outputs say what the local run's say: counts, sources, fields, rejects, filter bits. */
    static void assertSame(Path spark, Path local) throws IOException {
        JsonNode s = report(spark);
        JsonNode l = report(local);
        assertThat(s.get("complete").asBoolean()).isTrue();
        for (String f : List.of("records", "rejected", "duplicateRecords", "distinctKeysEstimate", "key", "sources")) {
            assertThat(s.get(f)).as(f).isEqualTo(l.get(f));
        }
        assertSameFields(s.get("fields"), l.get("fields"));
        for (JsonNode f : s.get("fields")) {
            if (f.get("name").asText().equals(s.get("key").asText())) {
                assertThat(f.get("distinctEstimate")).as("the key column's figure is the exact distinct count")
                        .isEqualTo(s.get("distinctKeysEstimate"));
            }
        }
        assertThat(s.get("counts").get("method")).isEqualTo(l.get("counts").get("method"));
        assertThat(s.get("counts").get("exactKeys")).isEqualTo(l.get("counts").get("exactKeys"));
        for (String f : List.of("bits", "hashFunctions", "expectedKeys", "fpp", "estimatedFpp", "stages")) {
            assertThat(s.get("filter").get(f)).as("filter." + f).isEqualTo(l.get("filter").get(f));
        }
        assertThat(rejects(spark)).isEqualTo(rejects(local));
        assertSameBits(spark, local);
    }
}
