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
        "duplicateRecords", "distinctKeysEstimate", "sources", "partitions", "fields", "filter", "exact", "check", "timing",
        "dialect"})
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
        Timing timing,
        Dialect dialect) {

    public static final int SCHEMA_VERSION = 1;

    /** The report without a dialect block (Mongo input, and callers that predate it). */
    public Report(int schemaVersion, String command, boolean complete, String stopReason, String error, String key, long records,
                  long rejected, long duplicateRecords, long distinctKeysEstimate, List<Source> sources, Partitions partitions,
                  List<?> fields, Filter filter, Exact exact, Check check, Timing timing) {
        this(schemaVersion, command, complete, stopReason, error, key, records, rejected, duplicateRecords, distinctKeysEstimate,
                sources, partitions, fields, filter, exact, check, timing, null);
    }

    public Report withDialect(Dialect d) {
        return new Report(schemaVersion, command, complete, stopReason, error, key, records, rejected, duplicateRecords,
                distinctKeysEstimate, sources, partitions, fields, filter, exact, check, timing, d);
    }

    /**
     * How CSV input was read.
     *
     * @param delimiter one character ("\t" for a tab)
     * @param quote     one character, or null for {@code --quote none}
     * @param detected  true when the delimiter was sniffed from the data, false when given (or implied by .tsv)
     * @param encoding  the charset the input was decoded from
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"delimiter", "quote", "detected", "encoding"})
    public record Dialect(String delimiter, String quote, boolean detected, String encoding) {}

    @JsonPropertyOrder({"path", "records", "rejected", "bytes"})
    public record Source(String path, long records, long rejected, long bytes) {}

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "nonEmpty", "types", "minLength", "maxLength", "distinctEstimate"})
    public record Field(String name, long nonEmpty, Map<String, Long> types, Integer minLength, Integer maxLength,
                        Long distinctEstimate) {}

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
