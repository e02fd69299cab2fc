package io.ringsift.filter;

import com.google.common.hash.BloomFilter;
import io.ringsift.key.KeyHash;
import io.ringsift.key.KeySpec;
import java.time.Instant;
import java.util.Objects;

/**
 * What a filter file says about its filter: how keys were made and hashed, the parameters it was
 * sized for, its exact shape, and what went into it. Layout and meaning: docs/filter-format.md.
 *
 * @param formatVersion    filter file format version this header was read from or will be written as
 * @param keySpec          {@link KeySpec#describe()} of the key, {@code "*"} for the whole record
 * @param keySource        where the keys came from: {@code "csv"} or {@code "mongo"} (informational;
 *                         both encode string keys alike, so it does not affect compatibility)
 * @param keyEncoding      name of the canonical key byte encoding, e.g. {@link #KEY_ENCODING_V1}
 * @param hashScheme       name of the hashing from key bytes to filter bits, e.g. {@link #HASH_SCHEME_V1}
 * @param expectedKeys     the expected distinct keys the filter was sized for
 * @param fpp              the false-positive probability it was sized for, at {@code expectedKeys}
 * @param bits             size of the bit array (a multiple of 64)
 * @param hashFunctions    bits set per key (k)
 * @param records          records added
 * @param duplicateRecords records whose key was already present when added (see countMethod)
 * @param createdAt        when the filter was written
 * @param countMethod      how duplicateRecords was counted: {@code "exact"}, {@code "estimate"}
 *                         (past the exact-count memory budget) or {@code "bloom"} (raw Bloom
 *                         answers: every format v1 file)
 * @param distinctKeys     distinct keys added ({@code records - duplicateRecords} when counted),
 *                         -1 when unknown (format v1)
 */
public record FilterHeader(
        int formatVersion,
        String keySpec,
        String keySource,
        String keyEncoding,
        String hashScheme,
        long expectedKeys,
        double fpp,
        long bits,
        int hashFunctions,
        long records,
        long duplicateRecords,
        Instant createdAt,
        String countMethod,
        long distinctKeys) {

    /** The encoding {@link io.ringsift.key.KeyEncoder} implements. */
    public static final String KEY_ENCODING_V1 = "ringsift-key-v1: bson-tag+leb128-length+bytes";
    /** How {@link io.ringsift.key.KeyHashFunnel} feeds keys to Guava. */
    public static final String HASH_SCHEME_V1 = "murmur3_128(canonical key) -> guava MURMUR128_MITZ_64 over 16 bytes";

    public static final String COUNT_BLOOM = "bloom";

    public static final String SOURCE_CSV = "csv";
    public static final String SOURCE_MONGO = "mongo";

    public FilterHeader {
        Objects.requireNonNull(keySpec, "keySpec");
        Objects.requireNonNull(keySource, "keySource");
        Objects.requireNonNull(keyEncoding, "keyEncoding");
        Objects.requireNonNull(hashScheme, "hashScheme");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(countMethod, "countMethod");
        check(formatVersion >= 1, "Format version (%s) must be >= 1", formatVersion);
        check(!keySpec.isEmpty(), "Key spec must not be empty (the whole record is \"*\")", keySpec);
        check(!keySource.isEmpty(), "Key source must not be empty", keySource);
        check(!keyEncoding.isEmpty(), "Key encoding must not be empty", keyEncoding);
        check(!hashScheme.isEmpty(), "Hash scheme must not be empty", hashScheme);
        check(expectedKeys >= 1, "Expected keys (%s) must be >= 1", expectedKeys);
        check(fpp > 0.0 && fpp < 1.0, "False positive probability (%s) must be > 0.0 and < 1.0", fpp);
        check(bits > 0 && bits % 64 == 0, "Bits (%s) must be a positive multiple of 64", bits);
        check(hashFunctions >= 1 && hashFunctions <= 255, "Hash functions (%s) must be 1..255", hashFunctions);
        check(records >= 0, "Records (%s) must be >= 0", records);
        check(duplicateRecords >= 0 && duplicateRecords <= records,
                "Duplicate records (%s) must be 0..records (" + records + ")", duplicateRecords);
        check(distinctKeys >= -1 && distinctKeys <= records, "Distinct keys (%s) must be -1 (unknown) or 0..records ("
                + records + ")", distinctKeys);
    }

    /** A header as format v1 states it: duplicates from raw Bloom answers, distinct keys unknown. */
    public FilterHeader(int formatVersion, String keySpec, String keySource, String keyEncoding, String hashScheme,
                        long expectedKeys, double fpp, long bits, int hashFunctions, long records, long duplicateRecords,
                        Instant createdAt) {
        this(formatVersion, keySpec, keySource, keyEncoding, hashScheme, expectedKeys, fpp, bits, hashFunctions, records,
                duplicateRecords, createdAt, COUNT_BLOOM, -1);
    }

    /**
     * A current-version header for {@code chain}: its first stage's target and k, its total bits,
     * the standard key encoding and hash scheme, and the run's counts.
     */
    public static FilterHeader of(KeySpec keySpec, String keySource, BloomChain chain, long records, long duplicateRecords,
                                  String countMethod, Instant createdAt) {
        FilterParams target = chain.target();
        return new FilterHeader(FilterFile.FORMAT_VERSION, keySpec.describe(), keySource, KEY_ENCODING_V1, HASH_SCHEME_V1,
                target.expectedKeys(), target.fpp(), chain.bitSize(), chain.stages().get(0).bloom().hashFunctions(), records,
                duplicateRecords, createdAt, countMethod, records - duplicateRecords);
    }

    /** A v1-shaped header for a plain Guava filter (tests, and filters built by other programs). */
    public static FilterHeader of(KeySpec keySpec, String keySource, FilterParams params, BloomFilter<KeyHash> filter,
                                  long records, long duplicateRecords, Instant createdAt) {
        BloomGeometry g = BloomGeometry.of(filter);
        return new FilterHeader(FilterFile.FORMAT_VERSION, keySpec.describe(), keySource, KEY_ENCODING_V1, HASH_SCHEME_V1,
                params.expectedKeys(), params.fpp(), g.bits(), g.hashFunctions(), records, duplicateRecords, createdAt,
                COUNT_BLOOM, -1);
    }

    /**
     * This header for another state of its filter: the current format version, the chain's shape,
     * and new counts and time (after {@code check --update} or {@code merge}).
     */
    public FilterHeader withContent(BloomChain chain, long newRecords, long newDuplicateRecords, String newCountMethod,
                                    long newDistinctKeys, Instant newCreatedAt) {
        return new FilterHeader(FilterFile.FORMAT_VERSION, keySpec, keySource, keyEncoding, hashScheme,
                chain.target().expectedKeys(), chain.target().fpp(), chain.bitSize(),
                chain.stages().get(0).bloom().hashFunctions(), newRecords, newDuplicateRecords, newCreatedAt, newCountMethod,
                newDistinctKeys);
    }

    /** This header with other counts and time. */
    public FilterHeader withCounts(long newRecords, long newDuplicateRecords, Instant newCreatedAt) {
        return new FilterHeader(formatVersion, keySpec, keySource, keyEncoding, hashScheme, expectedKeys, fpp, bits,
                hashFunctions, newRecords, newDuplicateRecords, newCreatedAt, countMethod, distinctKeys);
    }

    private static void check(boolean ok, String rule, Object value) {
        if (!ok) {
            throw new IllegalArgumentException(String.format(rule, value));
        }
    }
}
