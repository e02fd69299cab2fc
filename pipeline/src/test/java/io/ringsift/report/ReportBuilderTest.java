package io.ringsift.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ringsift.filter.BloomChain;
import io.ringsift.filter.FilterParams;
import io.ringsift.partial.KeyCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The one report builder: each part lands where docs/report.md puts it, and the top-level figures follow the parts. */
class ReportBuilderTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(Report r) throws Exception {
        return JSON.readTree(ReportWriter.toJson(r));
    }

    private static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    @Test
    void aCompleteIngestHasEveryBlockInTheDocumentedOrder() throws Exception {
        BloomChain chain = BloomChain.create(new FilterParams(1_000, 0.01), 1);
        chain.put(1, 2);
        FilterParams params = new FilterParams(1_000, 0.01);
        Report r = Report.builder("ingest csv", "id")
                .outcome(true, null, null)
                .records(100, 3)
                .counts(new KeyCounts(KeyCounts.EXACT, 100, 10, 10, 10, 90, 1 << 20), 1 << 20)
                .sources(List.of(new Report.Source("a.csv", 100, 3, 4_000)))
                .fields(List.of(new Report.Field("id", 100, Map.of(), 1, 3, 90L)))
                .filter(Report.Filter.of("/o/filter.bf", chain, params))
                .timing(Report.Timing.of(2_000_000_000L, 100, 4_000_000, 1, 2, "fast", 12L))
                .warnings(List.of("w"))
                .dialect(new Report.Dialect(",", "\"", true, "UTF-8"))
                .build();
        JsonNode j = json(r);
        assertThat(keys(j)).containsExactly("schemaVersion", "command", "complete", "key", "records", "rejected",
                "duplicateRecords", "distinctKeysEstimate", "counts", "warnings", "sources", "fields", "filter", "timing", "dialect");
        assertThat(j.get("duplicateRecords").asLong()).isEqualTo(10);
        assertThat(j.get("distinctKeysEstimate").asLong()).isEqualTo(90);
        assertThat(j.get("counts").get("method").asText()).isEqualTo("exact");
        assertThat(j.get("filter").get("bits").asLong()).isEqualTo(chain.bitSize());
        assertThat(j.get("filter").get("stages").asInt()).isEqualTo(1);
        assertThat(keys(j.get("timing"))).containsExactly("elapsedMillis", "recordsPerSecond", "megabytesPerSecond", "readers",
                "handlers", "parser", "planMillis");
        assertThat(j.get("timing").get("recordsPerSecond").asLong()).isEqualTo(50);
        assertThat(j.get("timing").get("megabytesPerSecond").asDouble()).isEqualTo(2.0);
        assertThat(r.columns()).extracting(Report.Field::name).containsExactly("id");
    }

    @Test
    void exactFiguresReplaceTheCountsAtTheTopLevelInEitherOrder() {
        KeyCounts bloom = new KeyCounts(KeyCounts.EXACT, 100, 12, 12, 12, 88, 1 << 20);
        Report.Exact exact = new Report.Exact(12, 10, 90, 12, 2, 2 / 90.0);
        Report a = Report.builder("ingest csv", "id").records(100, 0).counts(bloom, 1).exact(exact).build();
        Report b = Report.builder("ingest csv", "id").records(100, 0).exact(exact).counts(bloom, 1).build();
        for (Report r : List.of(a, b)) {
            assertThat(r.duplicateRecords()).isEqualTo(10);
            assertThat(r.distinctKeysEstimate()).isEqualTo(90);
            assertThat(r.counts().duplicateRecords()).isEqualTo(12);
        }
    }

    @Test
    void aFailedRunClaimsNoFigures() throws Exception {
        Report r = Report.builder("ingest mongo", "_id")
                .outcome(false, "failed", "reduce failed: out of memory")
                .records(5_000, 7)
                .timing(Report.Timing.of(0, 5_000, 0, 1, 1, null, null))
                .build();
        JsonNode j = json(r);
        assertThat(j.get("duplicateRecords").asLong()).isZero();
        assertThat(j.get("distinctKeysEstimate").asLong()).isZero();
        assertThat(j.has("counts")).isFalse();
        assertThat(j.has("warnings")).isFalse();
        assertThat(j.get("stopReason").asText()).isEqualTo("failed");
        // no bytes counted: no megabytes per second, not 0.0; the elapsed time is at least 1 ns
        assertThat(keys(j.get("timing"))).containsExactly("elapsedMillis", "recordsPerSecond", "readers", "handlers");
        assertThat(r.columns()).isEmpty();
    }

    @Test
    void documentPathsAreFieldsButNotColumns() throws Exception {
        Report r = Report.builder("ingest mongo", "_id")
                .fields(List.of(new Report.FieldPath("a.b", 3, Map.of("string", 3L))))
                .build();
        assertThat(json(r).get("fields").get(0).get("path").asText()).isEqualTo("a.b");
        assertThat(r.columns()).isEmpty();
    }
}
