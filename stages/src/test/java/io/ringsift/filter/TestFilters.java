package io.ringsift.filter;

import com.google.common.hash.BloomFilter;
import io.ringsift.key.KeyEncoder;
import io.ringsift.key.KeyHash;
import io.ringsift.key.KeyHashFunnel;
import io.ringsift.key.KeySpec;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Filters, headers and hand-assembled file bytes for the filter tests. */
final class TestFilters {
    static final Instant CREATED = Instant.parse("2024-05-06T07:08:09.123456789Z");

    private TestFilters() {
    }

    static KeyHash key(String text) {
        return new KeyEncoder().reset().addString(text).hash(new KeyHash());
    }

    static BloomFilter<KeyHash> filterOf(FilterParams params, List<String> keys) {
        BloomFilter<KeyHash> f = BloomFilter.create(KeyHashFunnel.INSTANCE, params.expectedKeys(), params.fpp());
        keys.forEach(k -> f.put(key(k)));
        return f;
    }

    static FilterHeader header(String keySpec, FilterParams params, BloomFilter<KeyHash> filter, long records, long dups) {
        return FilterHeader.of(new KeySpec(List.of(keySpec.split(","))), FilterHeader.SOURCE_CSV, params, filter,
                records, dups, CREATED);
    }

    /** The same header as format v1 states it, for files assembled by hand with a v1 body. */
    static FilterHeader v1(FilterHeader h) {
        return new FilterHeader(FilterFile.FORMAT_V1, h.keySpec(), h.keySource(), h.keyEncoding(), h.hashScheme(), h.expectedKeys(),
                h.fpp(), h.bits(), h.hashFunctions(), h.records(), h.duplicateRecords(), h.createdAt());
    }

    static byte[] guavaBytes(BloomFilter<KeyHash> filter) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        filter.writeTo(out);
        return out.toByteArray();
    }

    /** A file laid out as the format says, with a correct checksum over whatever parts it is given. */
    static byte[] assemble(int version, byte[] headerBlock, byte[] body) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(FilterFile.MAGIC);
        out.writeShort(version);
        out.writeInt(headerBlock.length);
        out.writeLong(body.length);
        out.write(headerBlock);
        out.write(body);
        out.write(sha256(bytes.toByteArray()));
        return bytes.toByteArray();
    }

    /** Recomputes the trailer after a deliberate edit, so only the edit itself is wrong. */
    static byte[] reseal(byte[] file) {
        byte[] copy = file.clone();
        byte[] sha = sha256(Arrays.copyOf(copy, copy.length - FilterFile.TRAILER_BYTES));
        System.arraycopy(sha, 0, copy, copy.length - FilterFile.TRAILER_BYTES, sha.length);
        return copy;
    }

    static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
