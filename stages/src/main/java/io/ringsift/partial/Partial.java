package io.ringsift.partial;

import io.ringsift.filter.FilterParams;
import io.ringsift.filter.KeyBloom;
import io.ringsift.key.KeyHash;
import org.apache.datasketches.hll.HllSketch;
import org.apache.datasketches.hll.TgtHllType;
import org.apache.datasketches.hll.Union;

/**
 * What one hasher handler builds from the rows of its own key partition: a Bloom filter of the
 * keys, the duplicate count, a distinct-key sketch and field statistics. Confined to its handler
 * thread; the reducer merges all partials after the ring has drained.
 *
 * <p>Every partial's filter is created with the same expected insertions and fpp, so Guava gives
 * them the same bit count and hash-function count and {@link KeyBloom#putAll} can merge them. The
 * filter is a {@link KeyBloom}: Guava's bits and bytes without Guava's thread-safety costs.
 */
public final class Partial implements RowConsumer {
    /** lgK for the key sketch: 2^16 registers, relative standard error about 0.4% (1.04 / sqrt(K)). */
    public static final int KEY_SKETCH_LG_K = 16;

    private final KeyBloom bloom;
    private final java.util.function.Predicate<KeyHash> reference;
    private HllSketch keySketch = new HllSketch(KEY_SKETCH_LG_K, TgtHllType.HLL_8);
    private final FieldProfile fields;
    private final KeyHash scratch = new KeyHash();
    /** Exact mode: the hash of every row answered "probably seen", to verify in another pass; else null. */
    private HashPairSet candidates;
    private long records;
    private long duplicates;
    private long seenRecords;
    private long presentRecords;

    /**
     * @param reference what a check tests keys against: a filter from an earlier run
     *                  ({@code BloomFilter::mightContain}) or, in exact mode, a set of confirmed
     *                  key hashes; null for an ingest, where "seen" means seen earlier in this input
     *                  for an ingest where "seen" means seen earlier in this input
     * @param fields    field statistics to keep, or null for none
     */
    public Partial(FilterParams params, java.util.function.Predicate<KeyHash> reference, FieldProfile fields) {
        this.bloom = new KeyBloom(params);
        this.reference = reference;
        this.fields = fields;
    }

    @Override
    public boolean accept(long lo, long hi, Object row, byte[] raw, int unit) {
        return add(lo, hi, row, unit);
    }

    /**
     * Adds one record owned by this partial. Returns true when its key was probably seen before:
     * earlier in this input for an ingest; in the reference filter for a check.
     */
    public boolean add(long lo, long hi, Object row, int unit) {
        KeyHash h = scratch.set(lo, hi);
        records++;
        boolean newHere = bloom.put(lo, hi);
        boolean seen = reference != null ? reference.test(h) : !newHere;
        if (!newHere) {
            duplicates++;
        }
        if (seen && candidates != null) {
            candidates.add(lo, hi);
        }
        if (seen) {
            seenRecords++;
        }
        if (seen || !newHere) {
            presentRecords++;
        }
        // lo is already a uniform 64-bit hash; the sketch rehashes it, which costs little and keeps it a stock HLL
        keySketch.update(lo);
        if (fields != null) {
            fields.accept(row, unit);
        }
        return seen;
    }

    /**
     * Exact mode: remember the hash of every row answered "probably seen" (a duplicate for an
     * ingest, a reference hit for a check) for a verifying pass.
     */
    public Partial collectCandidates() {
        candidates = new HashPairSet();
        return this;
    }

    /** The candidates collected (merged across partials after {@link #mergeFrom}), or null. */
    public HashPairSet candidates() {
        return candidates;
    }

    /** Folds another partial (built with the same parameters) into this one. */
    public void mergeFrom(Partial other) {
        bloom.putAll(other.bloom);
        records += other.records;
        duplicates += other.duplicates;
        seenRecords += other.seenRecords;
        presentRecords += other.presentRecords;
        Union union = new Union(KEY_SKETCH_LG_K);
        union.update(keySketch);
        union.update(other.keySketch);
        keySketch = union.getResult(TgtHllType.HLL_8);
        if (candidates != null && other.candidates != null) {
            candidates.addAll(other.candidates);
        }
        if (fields != null && other.fields != null) {
            fields.mergeFrom(other.fields);
        }
    }

    public KeyBloom bloom() {
        return bloom;
    }

    public long records() {
        return records;
    }

    /** Records whose key was probably seen earlier in this input (Bloom answer, may overcount by the fpp). */
    public long duplicates() {
        return duplicates;
    }

    /** Records answered "probably seen" (for a check: found in the reference filter). */
    public long seenRecords() {
        return seenRecords;
    }

    /** Records whose key was probably present already: in the reference filter or earlier in this input. */
    public long presentRecords() {
        return presentRecords;
    }

    public double distinctKeysEstimate() {
        return keySketch.getEstimate();
    }

    public FieldProfile fields() {
        return fields;
    }

    /**
     * Writes this partial's whole state for a checkpoint: counts, the Guava filter ({@code writeTo}),
     * the key sketch, the candidates and the field profile. {@link #readFrom} restores it into a
     * partial built with the same parameters.
     */
    public void writeTo(java.io.DataOutputStream out) throws java.io.IOException {
        out.writeInt(STATE_VERSION);
        out.writeLong(records);
        out.writeLong(duplicates);
        out.writeLong(seenRecords);
        out.writeLong(presentRecords);
        bloom.writeTo(out);
        byte[] sketch = keySketch.toCompactByteArray();
        out.writeInt(sketch.length);
        out.write(sketch);
        out.writeBoolean(candidates != null);
        if (candidates != null) {
            candidates.writeTo(out);
        }
        if (fields instanceof CsvFieldProfile c) {
            out.writeByte(1);
            c.writeTo(out);
        } else if (fields instanceof PathProfile p) {
            out.writeByte(2);
            p.writeTo(out);
        } else {
            out.writeByte(0);
        }
    }

    public void readFrom(java.io.DataInputStream in) throws java.io.IOException {
        int version = in.readInt();
        if (version != STATE_VERSION) {
            throw new java.io.IOException("partial state version " + version + " is not " + STATE_VERSION);
        }
        records = in.readLong();
        duplicates = in.readLong();
        seenRecords = in.readLong();
        presentRecords = in.readLong();
        KeyBloom saved = KeyBloom.readFrom(in);
        if (saved.bitSize() != bloom.bitSize() || saved.hashFunctions() != bloom.hashFunctions()) {
            throw new java.io.IOException("checkpointed filter has a different size or hash count than this run's");
        }
        bloom.putAll(saved);
        byte[] sketch = new byte[in.readInt()];
        in.readFully(sketch);
        keySketch = HllSketch.heapify(sketch);
        if (in.readBoolean()) {
            if (candidates == null) {
                candidates = new HashPairSet();
            }
            candidates.readFrom(in);
        }
        int kind = in.readByte();
        if (kind == 1 && fields instanceof CsvFieldProfile c) {
            c.readFrom(in);
        } else if (kind == 2 && fields instanceof PathProfile p) {
            p.readFrom(in);
        } else if (kind != 0 || fields != null) {
            throw new java.io.IOException("checkpointed field statistics (kind " + kind + ") do not match this run's --stats");
        }
    }

    private static final int STATE_VERSION = 1;
}
