package io.ringsift.report;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.ringsift.engine.RunOutcome;
import io.ringsift.filter.BloomChain;
import io.ringsift.filter.FilterParams;
import io.ringsift.partial.KeyCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * report.json: one stable schema for every job (documented in docs/report.md). Fields are only
 * ever added, never renamed; blocks that do not apply to a job are left out, not nulled. Jobs
 * fill one in part by part through {@link #builder}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schemaVersion", "command", "complete", "stopReason", "error", "key", "records", "rejected",
        "rejectReasons", "duplicateRecords", "distinctKeysEstimate", "counts", "warnings", "sources", "partitions", "fields", "filter", "exact",
        "check", "timing", "dialect"})
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
        List<? extends FieldEntry> fields,
        Filter filter,
        Exact exact,
        Check check,
        Timing timing,
        Counts counts,
        List<String> warnings,
        Dialect dialect,
        List<RejectReason> rejectReasons) {

    public static final int SCHEMA_VERSION = 1;

    /** A report of {@code command} over keys made as {@code key} describes, to be filled in part by part. */
    public static Builder builder(String command, String key) {
        return new Builder(command, key);
    }

    /** The CSV columns of the {@code fields} block, or an empty list when it holds document paths or nothing. */
    @JsonIgnore
    public List<Field> columns() {
        List<Field> out = new ArrayList<>();
        if (fields != null) {
            for (FieldEntry f : fields) {
                if (f instanceof Field c) {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /**
     * Fills in a {@link Report} part by part; each job sets the parts that apply to it and the rest
     * are left out of the JSON. The top-level duplicate and distinct figures follow from
     * {@link #counts} (or the verified {@link #exact} figures, which take precedence).
     */
    public static final class Builder {
        private final String command;
        private final String key;
        private boolean complete;
        private String stopReason;
        private String error;
        private long records;
        private long rejected;
        private Long duplicateRecords;
        private List<Source> sources;
        private Partitions partitions;
        private List<? extends FieldEntry> fields;
        private Filter filter;
        private Exact exact;
        private Check check;
        private Timing timing;
        private Counts counts;
        private final List<String> warnings = new ArrayList<>();
        private Dialect dialect;
        private List<RejectReason> rejectReasons;

        private Builder(String command, String key) {
            this.command = command;
            this.key = key;
        }

        /** Complete or not, why it stopped and its error, from the run's outcome. */
        public Builder outcome(RunOutcome<?> o) {
            return outcome(o.complete(), o.stopReasonName(), o.error());
        }

        /** @param stopReason as report.json spells it ({@code "failed"}, {@code "interrupted"}, ...), null when complete */
        public Builder outcome(boolean complete, String stopReason, String error) {
            this.complete = complete;
            this.stopReason = stopReason;
            this.error = error;
            return this;
        }

        public Builder records(long records, long rejected) {
            this.records = records;
            this.rejected = rejected;
            return this;
        }

        /** The duplicate and distinct figures and how certain they are; {@code budget} is the configured --exact-memory. */
        public Builder counts(KeyCounts c, long budget) {
            this.counts = Counts.of(c, budget);
            if (exact == null) {
                this.duplicateRecords = c.duplicateRecords();
            }
            return this;
        }

        /** Exact mode's verified figures; they replace the counts' duplicate figure at the top level. */
        public Builder exact(Exact e) {
            this.exact = e;
            if (e != null) {
                this.duplicateRecords = e.duplicateRecords();
            }
            return this;
        }

        public Builder sources(List<Source> s) {
            this.sources = s;
            return this;
        }

        public Builder partitions(Partitions p) {
            this.partitions = p;
            return this;
        }

        public Builder fields(List<? extends FieldEntry> f) {
            this.fields = f;
            return this;
        }

        public Builder filter(Filter f) {
            this.filter = f;
            return this;
        }

        public Builder check(Check c) {
            this.check = c;
            return this;
        }

        public Builder timing(Timing t) {
            this.timing = t;
            return this;
        }

        public Builder warnings(List<String> w) {
            this.warnings.addAll(w);
            return this;
        }

        /**
         * The rejects by reason, and the warning about quote rejects that span lines; the reasons
         * only when they account for every reject (a resumed run's earlier rejects were counted by
         * an earlier process).
         */
        public Builder rejects(RejectTally t) {
            if (t != null) {
                if (t.counted() > 0 && t.counted() == rejected) {
                    this.rejectReasons = t.reasons();
                }
                this.warnings.addAll(t.warnings());
            }
            return this;
        }

        public Builder dialect(Dialect d) {
            this.dialect = d;
            return this;
        }

        /** The report; without counts or exact figures the duplicate and distinct figures are 0 (nothing was claimed). */
        public Report build() {
            long duplicates = duplicateRecords == null ? 0 : duplicateRecords;
            long distinct = duplicateRecords == null ? 0 : records - duplicates;
            return new Report(SCHEMA_VERSION, command, complete, stopReason, error, key, records, rejected, duplicates, distinct,
                    sources, partitions, fields, filter, exact, check, timing, counts,
                    warnings.isEmpty() ? null : List.copyOf(warnings), dialect, rejectReasons);
        }
    }

    /** How many rejects had one reason (its details after the first ": " left out). */
    public record RejectReason(String reason, long count) {}

    /** An entry of the {@code fields} block: a CSV column ({@link Field}) or a document path ({@link FieldPath}). */
    public sealed interface FieldEntry permits Field, FieldPath {
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

    /**
     * How certain {@code duplicateRecords} and {@code distinctKeysEstimate} are (docs/report.md).
     *
     * @param method           "exact" (every key hash kept: exact up to a 128-bit hash collision) or
     *                         "estimate" (the exact sets reached --exact-memory; Bloom answers
     *                         corrected for their expected false positives)
     * @param duplicateRecords the same figure as the top-level one
     * @param distinctKeys     the same figure as the top-level distinctKeysEstimate
     * @param duplicateRecordsLow  lower end of the interval (= the figure when exact)
     * @param duplicateRecordsHigh upper end
     * @param distinctKeysLow  lower end (records - duplicateRecordsHigh)
     * @param distinctKeysHigh upper end
     * @param confidence       of the interval: 1.0 when exact, 0.95 for an estimate
     * @param exactKeys        key hashes held in the exact sets
     * @param exactMemoryBytes the exact sets' budget (--exact-memory), all handlers together
     */
    @JsonPropertyOrder({"method", "duplicateRecords", "distinctKeys", "duplicateRecordsLow", "duplicateRecordsHigh",
            "distinctKeysLow", "distinctKeysHigh", "confidence", "exactKeys", "exactMemoryBytes"})
    public record Counts(String method, long duplicateRecords, long distinctKeys, long duplicateRecordsLow,
                         long duplicateRecordsHigh, long distinctKeysLow, long distinctKeysHigh, double confidence,
                         long exactKeys, long exactMemoryBytes) {
        /** @param budget the configured --exact-memory (the handlers' shares add up to it, less rounding) */
        public static Counts of(KeyCounts c, long budget) {
            return new Counts(c.method(), c.duplicateRecords(), c.distinctKeys(), c.duplicatesLow(), c.duplicatesHigh(),
                    c.distinctLow(), c.distinctHigh(), c.exact() ? 1.0 : 0.95, c.exactKeys(), budget);
        }
    }

    @JsonPropertyOrder({"path", "records", "rejected", "bytes"})
    public record Source(String path, long records, long rejected, long bytes) {}

    /**
     * One CSV column (docs/report.md). The first six components are the original schema; the rest
     * were added later and are null (left out) where they do not apply or were not measured.
     *
     * @param headerName           the name as the header spells it, only where it differs from {@code name}: a
     *                             repeated header name is reported as {@code id}, {@code id_2}, ...
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
    @JsonPropertyOrder({"name", "headerName", "nonEmpty", "types", "minLength", "maxLength", "distinctEstimate", "empty",
            "dominantType", "min", "max", "minMaxBy", "distinctExact", "distinctLowerBound", "distinctUpperBound", "frequentValues",
            "frequentValuesExact", "frequentValuesMaxError"})
    public record Field(String name, long nonEmpty, Map<String, Long> types, Integer minLength, Integer maxLength,
                        Long distinctEstimate, String headerName, Long empty, String dominantType, String min, String max,
                        String minMaxBy, Boolean distinctExact, Long distinctLowerBound, Long distinctUpperBound,
                        List<FrequentValue> frequentValues, Boolean frequentValuesExact, Long frequentValuesMaxError)
            implements FieldEntry {
        /** The original six figures only. */
        public Field(String name, long nonEmpty, Map<String, Long> types, Integer minLength, Integer maxLength,
                     Long distinctEstimate) {
            this(name, nonEmpty, types, minLength, maxLength, distinctEstimate, null, null, null, null, null, null, null, null,
                    null, null, null, null);
        }

        /** The key column's figure: the run's distinct keys (exact unless counts.method says otherwise). */
        public Field withDistinctEstimate(long distinct) {
            return withDistinctEstimate(distinct, distinct, distinct, true);
        }

        /** The key column's figure with its certainty: exact, or a point estimate within [low, high]. */
        public Field withDistinctEstimate(long distinct, long low, long high, boolean exact) {
            boolean measured = distinctExact != null;   // bounds are given only where the summary was measured (--stats full)
            return new Field(name, nonEmpty, types, minLength, maxLength, distinct, headerName, empty, dominantType, min, max,
                    minMaxBy, measured ? exact : null, measured ? low : null, measured ? high : null, frequentValues,
                    frequentValuesExact, frequentValuesMaxError);
        }

        public Field withHeaderName(String original) {
            return new Field(name, nonEmpty, types, minLength, maxLength, distinctEstimate, original, empty, dominantType, min, max,
                    minMaxBy, distinctExact, distinctLowerBound, distinctUpperBound, frequentValues, frequentValuesExact,
                    frequentValuesMaxError);
        }
    }

    /** A frequent value and its count; bounds of the true count only when the count is an estimate. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"value", "count", "lowerBound", "upperBound"})
    public record FrequentValue(String value, long count, Long lowerBound, Long upperBound) {}

    /** A document field path (dotted, arrays of subdocuments without an index), how many documents have it, its BSON types. */
    @JsonPropertyOrder({"path", "documents", "types"})
    public record FieldPath(String path, long documents, Map<String, Long> types) implements FieldEntry {}

    @JsonPropertyOrder({"count", "strategy", "minDocuments", "maxDocuments", "retries"})
    public record Partitions(int count, String strategy, long minDocuments, long maxDocuments, long retries) {}

    /**
     * @param estimatedFpp at the filter's fill: 1 - Π(1 - fill_j^k_j) over its stages
     * @param stages       filters in the scalable chain (1 unless the keys outgrew the sizing)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"path", "bits", "hashFunctions", "expectedKeys", "fpp", "estimatedFpp", "stages"})
    public record Filter(String path, long bits, int hashFunctions, long expectedKeys, double fpp, double estimatedFpp,
                         int stages) {
        /** The block for {@code chain} written to {@code path}, sized for {@code params}. */
        public static Filter of(String path, BloomChain chain, FilterParams params) {
            return new Filter(path, chain.bitSize(), chain.stages().get(0).bloom().hashFunctions(), params.expectedKeys(),
                    params.fpp(), chain.fppAtFill(), chain.stages().size());
        }
    }

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
     * @param seenMethod            "bloom": seenRecords are the filter's "probably seen" answers;
     *                              "exact": confirmed against the reference data (--exact)
     * @param expectedFalsePositives bloom only: of seenRecords, how many are expected to be new keys
     *                              the filter wrongly called seen (newRecords · p / (1 - p) at the
     *                              filter's fpp p), with a 95% interval for the truly seen records
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"filter", "newRecords", "seenRecords", "newPath", "seenPath", "updated", "bloomSeenRecords", "falsePositives",
            "seenMethod", "filterFpp", "expectedFalsePositives", "seenRecordsLow", "seenRecordsHigh"})
    public record Check(String filter, long newRecords, long seenRecords, String newPath, String seenPath, Boolean updated,
                        Long bloomSeenRecords, Long falsePositives, String seenMethod, Double filterFpp,
                        Double expectedFalsePositives, Long seenRecordsLow, Long seenRecordsHigh) {}

    /**
     * @param megabytesPerSecond input bytes (as stored; BSON bytes for documents) per second, one decimal; null when no
     *                           bytes were counted
     * @param parser             the CSV parser, null for documents
     * @param planMillis         checking the inputs and cutting them into units, before {@code elapsedMillis} starts (CSV only)
     * @param statsOn            {@code --stats-on} of an {@code ingest csv} that kept column statistics; null otherwise
     * @param columnsHandedOver  the columns whose statistics a reader handed to a handler during the run, in column order
     *                           (with {@code statsOn}; which ones, and whether any, depends on the run's timing)
     */
    @JsonPropertyOrder({"elapsedMillis", "recordsPerSecond", "megabytesPerSecond", "readers", "handlers", "parser", "planMillis",
        "statsOn", "columnsHandedOver"})
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Timing(long elapsedMillis, long recordsPerSecond, Double megabytesPerSecond, int readers, int handlers,
                         String parser, Long planMillis, String statsOn, List<String> columnsHandedOver) {
        public Timing(long elapsedMillis, long recordsPerSecond, Double megabytesPerSecond, int readers, int handlers,
                      String parser, Long planMillis) {
            this(elapsedMillis, recordsPerSecond, megabytesPerSecond, readers, handlers, parser, planMillis, null, null);
        }

        /** This timing with where the column statistics were kept ({@code ingest csv}). */
        public Timing withStatsOn(String placement, List<String> handedOver) {
            return new Timing(elapsedMillis, recordsPerSecond, megabytesPerSecond, readers, handlers, parser, planMillis, placement,
                    handedOver == null ? null : List.copyOf(handedOver));
        }

        /**
         * The timing block of every job: rates over {@code elapsedNanos} (at least 1 ns, so an empty
         * run divides by something), milliseconds and records per second rounded, megabytes per
         * second to one decimal.
         */
        public static Timing of(long elapsedNanos, long records, long bytes, int readers, int handlers, String parser,
                                Long planMillis) {
            double seconds = Math.max(elapsedNanos, 1) / 1e9;
            return new Timing(Math.round(seconds * 1000), Math.round(records / seconds),
                    bytes > 0 ? Math.round(bytes / 1e6 / seconds * 10) / 10.0 : null, readers, handlers, parser, planMillis);
        }
    }
}
