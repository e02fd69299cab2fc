package io.ringsift.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;

/**
 * report.json: one stable schema for every job (documented in docs/report.md). Fields are only
 * ever added, never renamed; blocks that do not apply to a job are left out, not nulled.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "command", "complete", "stopReason", "error", "key", "records", "rejected",
        "duplicateRecords", "distinctKeysEstimate", "sources", "partitions", "fields", "filter", "exact", "check", "timing"})
public record Report(
        int schemaVersion,
        String command,
        boolean complete,
        String stopReason,
        String error,
        String key,
        long records,
        long rejected,
        long duplicateRecords,
        long distinctKeysEstimate,
        List<Source> sources,
        Partitions partitions,
        List<?> fields,
        Filter filter,
        Exact exact,
        Check check,
        Timing timing) {

    public static final int SCHEMA_VERSION = 1;

    @JsonPropertyOrder({"path", "records", "rejected", "bytes"})
    public record Source(String path, long records, long rejected, long bytes) {}

    /**
     * One CSV column (docs/report.md). The first six components are the original schema; the rest
     * were added with the column summary and are null (left out) where not measured.
     *
     * @param empty                empty values (CSV has no null)
     * @param dominantType         the type label of most non-empty values
     * @param min                  smallest number, or shortest value (see minMaxBy), as it was written
     * @param max                  largest number, or longest value
     * @param minMaxBy             {@code number} (over integer and decimal values) or {@code length} (by length, then value)
     * @param distinctExact        true when distinctEstimate is an exact count
     * @param distinctLowerBound   ~95% bounds of distinctEstimate (equal to it when exact)
     * @param frequentValues       the most frequent non-empty values, most frequent first
     * @param frequentValuesExact  true when their counts are exact
     * @param frequentValuesMaxError the largest error of any count there (0 when exact)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "nonEmpty", "types", "minLength", "maxLength", "distinctEstimate", "empty", "dominantType",
            "min", "max", "minMaxBy", "distinctExact", "distinctLowerBound", "distinctUpperBound", "frequentValues",
            "frequentValuesExact", "frequentValuesMaxError"})
    public record Field(String name, long nonEmpty, Map<String, Long> types, Integer minLength, Integer maxLength,
                        Long distinctEstimate, Long empty, String dominantType, String min, String max, String minMaxBy,
                        Boolean distinctExact, Long distinctLowerBound, Long distinctUpperBound,
                        List<FrequentValue> frequentValues, Boolean frequentValuesExact, Long frequentValuesMaxError) {
        /** The original six figures only. */
        public Field(String name, long nonEmpty, Map<String, Long> types, Integer minLength, Integer maxLength,
                     Long distinctEstimate) {
            this(name, nonEmpty, types, minLength, maxLength, distinctEstimate, null, null, null, null, null, null, null, null,
                    null, null, null);
        }
    }

    /** A frequent value and its count; bounds of the true count only when the count is an estimate. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"value", "count", "lowerBound", "upperBound"})
    public record FrequentValue(String value, long count, Long lowerBound, Long upperBound) {}

    @JsonPropertyOrder({"path", "documents", "types"})
    public record Path(String path, long documents, Map<String, Long> types) {}

    @JsonPropertyOrder({"count", "strategy", "minDocuments", "maxDocuments", "retries"})
    public record Partitions(int count, String strategy, long minDocuments, long maxDocuments, long retries) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"path", "bits", "hashFunctions", "expectedKeys", "fpp", "estimatedFpp"})
    public record Filter(String path, long bits, int hashFunctions, long expectedKeys, double fpp, double estimatedFpp) {}

    /**
     * @param candidates           distinct key hashes the Bloom answered "probably seen" for
     * @param duplicateRecords     records whose exact key appeared earlier
     * @param distinctKeys         exact distinct keys (records - duplicateRecords)
     * @param bloomDuplicateRecords the Bloom figure, for comparison (same as the top-level duplicateRecords)
     * @param falsePositives       Bloom duplicates that were not real: bloom - exact
     * @param measuredFpp          falsePositives / distinctKeys: the rate new keys were wrongly "seen"
     */
    @JsonPropertyOrder({"candidates", "duplicateRecords", "distinctKeys", "bloomDuplicateRecords", "falsePositives", "measuredFpp"})
    public record Exact(long candidates, long duplicateRecords, long distinctKeys, long bloomDuplicateRecords,
                        long falsePositives, double measuredFpp) {}

    /**
     * @param bloomSeenRecords exact mode only: what the Bloom filter alone called "probably seen"
     * @param falsePositives   exact mode only: rows the Bloom called seen that are not in the reference data
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"filter", "newRecords", "seenRecords", "newPath", "seenPath", "updated", "bloomSeenRecords", "falsePositives"})
    public record Check(String filter, long newRecords, long seenRecords, String newPath, String seenPath, Boolean updated,
                        Long bloomSeenRecords, Long falsePositives) {}

    @JsonPropertyOrder({"elapsedMillis", "recordsPerSecond", "megabytesPerSecond", "readers", "handlers", "parser"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Timing(long elapsedMillis, long recordsPerSecond, Double megabytesPerSecond, int readers, int handlers,
                         String parser) {}
}
