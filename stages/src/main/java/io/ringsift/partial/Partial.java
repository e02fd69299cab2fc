package io.ringsift.partial;

import io.ringsift.filter.BloomChain;
import io.ringsift.filter.FilterParams;
import io.ringsift.filter.KeyBloom;
import io.ringsift.key.KeyHash;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What one hasher handler builds from the rows of its own key partition: a Bloom chain of the
 * keys, the duplicate count (exact within a memory share, {@link DuplicateCounter}) and field
 * statistics. Confined to its handler thread; the reducer merges all partials after the ring has
 * drained.
 *
 * <p>Every partial's chain is created with the same parameters, so stage j has the same shape in
 * all of them and {@link BloomChain#mergeFrom} ORs them. The stages are {@link KeyBloom}s:
 * Guava's bits and bytes without Guava's thread-safety costs.
 *
 * <p><b>The filter comes from the exact set.</b> An ingest's answers (is this key new?) come from
 * the exact set while it holds every key; the chain's answer matters only once the set has stopped
 * at its memory share. So while that is not the case, a row's key goes only into the exact set, and
 * the chain gets every key of the set at once when it is asked for ({@link #finishFilter}, the
 * reducer, a checkpoint) or when the set overflows. The bits are the same: a filter's bits are the
 * OR of its keys' bits, whatever their order, as long as no stage of the chain opens meanwhile, and
 * none can: the keys are handed over before there are {@link #maxDeferred} of them, so few that
 * even with every probe on a bit of its own the first stage stays below the fill at which it grows.
 * A row costs the handler one random access into the set instead of that plus seven into the
 * filter, and the filter is built at the end, where its probes need no "was the bit set" branch and
 * run on every core ({@code docs/benchmarks.md}, "The filter built from the exact set"). Not for a
 * check (its chain answers for the reference) nor for {@code --exact}, which wants the chain's
 * answer on every row ({@link #bloomDuplicates}).
 */
public final class Partial<R> implements RowConsumer<R> {
    /** Without a memory limit, for tests and tools: exact sets grow as far as the heap allows. */
    public static final long UNLIMITED = Long.MAX_VALUE;

    private final BloomChain bloom;
    private final Predicate<KeyHash> reference;
    private final DuplicateCounter counter;
    /** How many handlers share the key space: this partial sees about 1/share of the records. */
    private final int share;
    private final FieldProfile<? super R> fields;
    private final KeyHash scratch = new KeyHash();
    /** Exact mode: the hash of every row answered "probably seen", to verify in another pass; else null. */
    private HashPairSet candidates;
    /** check --update: the hash of every key new here and not seen in the reference; else null. */
    private HashPairSet additions;
    private long records;
    /** True while the chain has not been given the keys: the exact set holds them all (class comment). */
    private boolean deferring;
    /** The most keys the chain may be given at once without a stage filling: (grow-at bits - 1) / k of the first stage. */
    private final long maxDeferred;
    /** Raw Bloom "probably seen" answers, where the chain is asked row by row: kept only to measure the filter against exact figures. */
    private long bloomDuplicates;
    private long seenRecords;
    private long presentRecords;

    /** One partial that owns the whole key space, with no memory limit on its exact set. */
    public Partial(FilterParams params, Predicate<KeyHash> reference, FieldProfile<? super R> fields) {
        this(params, 1, UNLIMITED, reference, fields);
    }

    /**
     * @param share       how many handlers share the key space (each gets about 1/share of the keys)
     * @param exactBytes  this partial's memory share for exact counting
     * @param reference   what a check tests keys against: a filter from an earlier run or, in exact
     *                    mode, a set of confirmed key hashes; null for an ingest, where "seen" means
     *                    seen earlier in this input
     * @param fields      field statistics to keep, or null for none
     */
    public Partial(FilterParams params, int share, long exactBytes, Predicate<KeyHash> reference, FieldProfile<? super R> fields) {
        this.bloom = BloomChain.create(params, share);
        this.counter = new DuplicateCounter(exactBytes);
        this.share = share;
        this.reference = reference;
        this.fields = fields;
        this.deferring = reference == null;
        BloomChain.Stage first = bloom.stages().get(0);
        this.maxDeferred = (first.growAtBits() - 1) / first.bloom().hashFunctions();
    }

    /**
     * The run's input is planned to hold about {@code records} records: once the exact set has seen
     * enough of its share, it grows in one step to what that share needs at the rate of new keys
     * so far, instead of doubling (DuplicateCounter). Returns this.
     */
    public Partial<R> expectRecords(long records) {
        counter.expectRecords(records / share);
        return this;
    }

    @Override
    public void prepare(long lo, long hi) {
        counter.prepare(lo, hi);
    }

    @Override
    public boolean accept(long lo, long hi, R row, byte[] raw, int unit) {
        return add(lo, hi, row, unit);
    }

    /**
     * Adds one record owned by this partial. Returns true when its key was seen before: earlier in
     * this input for an ingest (exactly, or probably past the memory share); in the reference for
     * a check.
     */
    public boolean add(long lo, long hi, R row, int unit) {
        records++;
        if (deferring && (counter.setSize() >= maxDeferred || !counter.exactForSure())) {
            finishFilter(1);   // the chain answers from here on
        }
        // while deferring, the exact set answers and the chain is not asked (class comment)
        boolean bloomNew = deferring || bloom.put(lo, hi);
        if (!bloomNew) {
            bloomDuplicates++;
        }
        boolean duplicate = counter.record(lo, hi, bloomNew, bloom);
        boolean seen = reference != null ? reference.test(scratch.set(lo, hi)) : duplicate;
        if (seen) {
            seenRecords++;
            if (candidates != null) {
                candidates.add(lo, hi);
            }
        }
        if (seen || duplicate) {
            presentRecords++;
        } else if (additions != null) {
            additions.add(lo, hi);
        }
        if (fields != null && row != null) {   // no row: the readers keep the statistics (CsvUnitReader)
            fields.accept(row, unit);
        }
        return seen;
    }

    /**
     * Gives the chain every key it has not been given yet (class comment), on {@code threads}
     * threads, each adding a slice of the exact set (the caller's into the chain's stage, the others'
     * into filters of the same shape ORed in after); from then on the chain is asked row by row. A
     * no-op when the chain has every key already.
     */
    public void finishFilter(int threads) {
        if (!deferring) {
            return;
        }
        deferring = false;
        KeyBloom stage = bloom.stages().get(0).bloom();
        int parts = counter.setSize() < MIN_KEYS_PER_THREAD ? 1 : Math.max(1, threads);
        List<KeyBloom> others = new ArrayList<>();
        List<Thread> helpers = new ArrayList<>();
        Throwable[] failed = new Throwable[1];
        for (int part = 1; part < parts; part++) {
            KeyBloom own = stage.emptyLike();
            others.add(own);
            int p = part;
            Thread t = new Thread(() -> {
                try {
                    counter.forEachKey(p, parts, own::add);
                } catch (Throwable e) {
                    synchronized (failed) {
                        failed[0] = e;
                    }
                }
            }, "ringsift-filter-" + part);
            t.setDaemon(true);
            t.start();
            helpers.add(t);
        }
        counter.forEachKey(0, parts, stage::add);
        for (Thread t : helpers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while building the filter", e);
            }
        }
        synchronized (failed) {
            if (failed[0] instanceof Error e) {
                throw e;
            }
            if (failed[0] != null) {
                throw new IllegalStateException("building the filter failed", failed[0]);
            }
        }
        if (others.isEmpty()) {
            stage.recount();
        }
        for (KeyBloom own : others) {
            stage.putAll(own);   // ORs and counts the set bits again
        }
    }

    /** Below this many keys a second thread costs more than it saves. */
    private static final int MIN_KEYS_PER_THREAD = 1 << 20;

    /**
     * Exact mode: remember the hash of every row answered "probably seen" (a duplicate for an
     * ingest, a reference hit for a check) for a verifying pass.
     */
    public Partial<R> collectCandidates() {
        finishFilter(1);
        candidates = new HashPairSet();
        return this;
    }

    /** check --update: remember every key that is new here and not in the reference, to add to the filter. */
    public Partial<R> collectAdditions() {
        additions = new HashPairSet();
        return this;
    }

    /** The keys to add (merged across partials after {@link #mergeFrom}), or null. */
    public HashPairSet additions() {
        return additions;
    }

    /** The candidates collected (merged across partials after {@link #mergeFrom}), or null. */
    public HashPairSet candidates() {
        return candidates;
    }

    /** Folds another partial (built with the same parameters) into this one. */
    public void mergeFrom(Partial<?> other) {
        finishFilter(1);
        other.finishFilter(1);
        bloom.mergeFrom(other.bloom);
        records += other.records;
        bloomDuplicates += other.bloomDuplicates;
        seenRecords += other.seenRecords;
        presentRecords += other.presentRecords;
        counter.mergeFrom(other.counter);
        if (candidates != null && other.candidates != null) {
            candidates.addAll(other.candidates);
        }
        if (additions != null && other.additions != null) {
            additions.addAll(other.additions);
        }
        if (fields != null && other.fields != null) {
            fields.mergeFrom(other.fields);
        }
    }

    /** Bytes this partial's exact set takes now. */
    long exactTableBytes() {
        return counter.tableBytes();
    }

    public BloomChain bloom() {
        finishFilter(1);
        return bloom;
    }

    public long records() {
        return records;
    }

    /** Duplicate and distinct figures, exact or estimated with a 95% interval. */
    public KeyCounts counts() {
        return counter.counts(records);
    }

    /** Records the Bloom chain alone answered "probably seen" for: duplicates plus its false positives. */
    public long bloomDuplicates() {
        return bloomDuplicates;
    }

    /** Records answered "seen" (for a check: found in the reference). */
    public long seenRecords() {
        return seenRecords;
    }

    /** Records whose key was present already: in the reference or earlier in this input. */
    public long presentRecords() {
        return presentRecords;
    }

    public FieldProfile<? super R> fields() {
        return fields;
    }

    /**
     * Writes this partial's whole state for a checkpoint: counts, the chain's stages, the exact set,
     * the candidates and the field profile. {@link #readFrom} restores it into a partial built with
     * the same parameters.
     */
    public void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(STATE_VERSION);
        writeCountsAndStages(out);
        counter.writeTo(out);
        out.writeBoolean(candidates != null);
        if (candidates != null) {
            candidates.writeTo(out);
        }
        writeFields(out);
    }

    public void readFrom(DataInputStream in) throws IOException {
        int version = in.readInt();
        if (version != STATE_VERSION) {
            throw new IOException("partial state version " + version + " is not " + STATE_VERSION);
        }
        readCountsAndStages(in);
        counter.readFrom(in);
        if (in.readBoolean()) {
            if (candidates == null) {
                candidates = new HashPairSet();
            }
            candidates.readFrom(in);
        }
        readFields(in);
    }

    /**
     * Writes what merging needs: counts, the chain's stages, the duplicate figures and the field
     * profile, but not the exact key set, whose keys no other partial shares (a Spark reduce task
     * sends its partial this way: about the filter's size, not 16 bytes a key).
     * {@link #readMergeableFrom} restores it into a partial built with the same parameters.
     */
    public void writeMergeableTo(DataOutputStream out) throws IOException {
        writeCountsAndStages(out);
        counter.writeFiguresTo(out);
        writeFields(out);
    }

    /** Restores {@link #writeMergeableTo} into this fresh partial; afterwards it merges and reports, it must not take records. */
    public void readMergeableFrom(DataInputStream in) throws IOException {
        readCountsAndStages(in);
        counter.readFiguresFrom(in);
        readFields(in);
    }

    /** Whether there is a field profile, then the profile in its own form. */
    private void writeFields(DataOutputStream out) throws IOException {
        out.writeBoolean(fields != null);
        if (fields != null) {
            fields.writeTo(out);
        }
    }

    private void readFields(DataInputStream in) throws IOException {
        boolean withFields = in.readBoolean();
        if (withFields != (fields != null)) {
            throw new IOException("a partial " + (withFields ? "with" : "without") + " field statistics cannot be read into one "
                    + (withFields ? "without" : "with") + " (--stats differs)");
        }
        if (fields != null) {
            fields.readFrom(in);
        }
    }

    /** The part both forms share: the counters, then each stage of the chain in Guava's form. */
    private void writeCountsAndStages(DataOutputStream out) throws IOException {
        finishFilter(1);
        out.writeLong(records);
        out.writeLong(bloomDuplicates);
        out.writeLong(seenRecords);
        out.writeLong(presentRecords);
        out.writeInt(bloom.stages().size());
        for (BloomChain.Stage s : bloom.stages()) {
            s.bloom().writeTo(out);
        }
    }

    private void readCountsAndStages(DataInputStream in) throws IOException {
        finishFilter(1);   // the restored stages hold keys this exact set may not: the chain is asked row by row from here
        records = in.readLong();
        bloomDuplicates = in.readLong();
        seenRecords = in.readLong();
        presentRecords = in.readLong();
        int stages = in.readInt();
        for (int j = 0; j < stages; j++) {
            bloom.restoreStage(j, KeyBloom.readFrom(in));
        }
    }

    /** 3: the field profile after a presence flag, in its own form (2 had a kind byte). */
    private static final int STATE_VERSION = 3;
}
