package io.ringsift.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A scalable Bloom filter (Almeida, Baquero, Preguiça &amp; Hutchison, "Scalable Bloom Filters",
 * Information Processing Letters 101(6), 2007): a chain of plain filters. Keys go into the last
 * stage; when its fpp at fill reaches that stage's target, a new stage is opened with twice the
 * capacity and half the target fpp. A key is "probably present" when any stage says so, so the
 * chain's fpp is {@code 1 - Π(1 - p_j)} ≤ {@code Σ p_j} &lt; {@code P · (1 + 1/2 + 1/4 + …)} = 2P
 * for a first-stage target P: a chain never passes 2x its target however many keys arrive. With
 * good sizing there is one stage, and the chain is an ordinary Guava-compatible filter.
 *
 * <p>Stage {@code j} of a chain with parameters (n, P) has the shape
 * {@link BloomGeometry#powerOfTwo}{@code (n · 2^j, P / 2^j)}, so partials built with the same
 * parameters have identical stage shapes and merge stage by stage ({@link #mergeFrom}).
 *
 * <p>Handlers: each of {@code share} handlers fills its own partial chain with about 1/share of
 * the keys, and the reducer ORs them. A partial opens its next stage when its own fill reaches
 * {@code f = 1 - (1 - F)^(1/share)}, where F is the merged fill at which the stage reaches its
 * target fpp (F = p^(1/k)): if all partials stand at f, the merged stage stands at F.
 *
 * <p>Confined to one thread while written; reads of a chain nobody writes any more are safe.
 */
public final class BloomChain {
    /** Stages beyond this mean the sizing was off by 2^40: refuse rather than keep doubling. */
    private static final int MAX_STAGES = 40;

    private final List<Stage> stages = new ArrayList<>();
    private final int share;
    private Stage last;

    /** One plain filter of the chain and the target it was sized for. */
    public record Stage(FilterParams target, KeyBloom bloom, long growAtBits) {
        /** True once this stage's fpp at fill has reached its target (for the partial's share of keys). */
        boolean full() {
            return bloom.setBits() >= growAtBits;
        }
    }

    private BloomChain(int share) {
        if (share < 1) {
            throw new IllegalArgumentException("Share (" + share + ") must be >= 1");
        }
        this.share = share;
    }

    /** An empty chain whose first stage is sized for {@code params}, filled by one of {@code share} handlers. */
    public static BloomChain create(FilterParams params, int share) {
        BloomChain c = new BloomChain(share);
        c.open(params);
        return c;
    }

    /** A chain of existing stages (read from a file, or merged), which grows from its last stage. */
    public static BloomChain of(List<FilterParams> targets, List<KeyBloom> blooms) {
        if (targets.size() != blooms.size() || targets.isEmpty()) {
            throw new IllegalArgumentException("A chain needs one target per stage and at least one stage ("
                    + targets.size() + " targets, " + blooms.size() + " filters)");
        }
        BloomChain c = new BloomChain(1);
        for (int i = 0; i < targets.size(); i++) {
            c.add(targets.get(i), blooms.get(i));
        }
        return c;
    }

    /** The target of the stage after one sized for {@code t}: twice the keys, half the fpp. */
    static FilterParams next(FilterParams t) {
        return new FilterParams(Math.multiplyExact(t.expectedKeys(), 2), t.fpp() / 2);
    }

    private void open(FilterParams target) {
        if (stages.size() >= MAX_STAGES) {
            throw new IllegalStateException("Bloom chain reached " + MAX_STAGES + " stages: the filter was sized for "
                    + stages.get(0).target().expectedKeys() + " keys; give --expected-keys");
        }
        add(target, KeyBloom.withShape(BloomGeometry.powerOfTwo(target.expectedKeys(), target.fpp())));
    }

    private void add(FilterParams target, KeyBloom bloom) {
        last = new Stage(target, bloom, growAt(target, bloom, share));
        stages.add(last);
    }

    private static long growAt(FilterParams target, KeyBloom bloom, int share) {
        double mergedFill = Math.pow(target.fpp(), 1.0 / bloom.hashFunctions());
        double ownFill = 1 - Math.pow(1 - mergedFill, 1.0 / share);
        return (long) Math.ceil(ownFill * bloom.bitSize());
    }

    /**
     * Adds a key; true when it was certainly not present before (no stage had it), as Guava's
     * {@code put}. A key some earlier stage probably holds is not added again.
     */
    public boolean put(long lo, long hi) {
        for (int i = 0, n = stages.size() - 1; i < n; i++) {
            if (stages.get(i).bloom().mightContain(lo, hi)) {
                return false;
            }
        }
        boolean changed = last.bloom().put(lo, hi);
        if (changed && last.full()) {
            open(next(last.target()));
        }
        return changed;
    }

    /** True when the key was probably added; false when it certainly was not. */
    public boolean mightContain(long lo, long hi) {
        for (int i = 0, n = stages.size(); i < n; i++) {
            if (stages.get(i).bloom().mightContain(lo, hi)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds every key of {@code other}, a partial built with the same parameters: stage j of both
     * has the same shape, so the union is a stage-by-stage OR; stages only {@code other} opened
     * are copied.
     */
    public void mergeFrom(BloomChain other) {
        for (int j = 0; j < other.stages.size(); j++) {
            Stage theirs = other.stages.get(j);
            if (j < stages.size()) {
                stages.get(j).bloom().putAll(theirs.bloom());
            } else {
                add(theirs.target(), theirs.bloom().copy());
            }
        }
        last = stages.get(stages.size() - 1);
    }

    /**
     * Restores stage {@code j} from a checkpoint: ORs {@code saved} into it, opening stages up to
     * {@code j} first. The saved stage must have the shape this chain gives stage j.
     */
    public void restoreStage(int j, KeyBloom saved) {
        while (stages.size() <= j) {
            open(next(last.target()));
        }
        KeyBloom mine = stages.get(j).bloom();
        if (mine.bitSize() != saved.bitSize() || mine.hashFunctions() != saved.hashFunctions()) {
            throw new IllegalArgumentException("Checkpointed stage " + j + " has " + saved.bitSize() + " bits and "
                    + saved.hashFunctions() + " hash functions; this run's has " + mine.bitSize() + " and " + mine.hashFunctions());
        }
        mine.putAll(saved);
    }

    /**
     * The union of independently built chains with the same key spec, whatever their sizes:
     * every stage of every input, where stages with the same k and power-of-two sizes are folded
     * together when the folded stage stays within its target fpp at fill (else kept apart, so the
     * union never answers worse than its parts' sum). The result grows from its last stage.
     */
    public static BloomChain union(List<BloomChain> chains) {
        List<Stage> pool = new ArrayList<>();
        for (BloomChain c : chains) {
            for (Stage s : c.stages) {
                pool.add(new Stage(s.target(), s.bloom().copy(), 0));
            }
        }
        List<Stage> out = new ArrayList<>();
        for (Stage s : pool) {
            boolean folded = false;
            for (int i = 0; i < out.size() && !folded; i++) {
                Stage f = tryFold(out.get(i), s);
                if (f != null) {
                    out.set(i, f);
                    folded = true;
                }
            }
            if (!folded) {
                out.add(s);
            }
        }
        return of(out.stream().map(Stage::target).toList(), out.stream().map(Stage::bloom).toList());
    }

    /** The two stages as one folded onto the smaller size, or null if that cannot be done or would pass its target. */
    private static Stage tryFold(Stage a, Stage b) {
        KeyBloom x = a.bloom();
        KeyBloom y = b.bloom();
        boolean pow2 = Long.bitCount(x.bitSize()) == 1 && Long.bitCount(y.bitSize()) == 1;
        if (x.hashFunctions() != y.hashFunctions() || !(pow2 || x.bitSize() == y.bitSize())) {
            return null;
        }
        long bits = Math.min(x.bitSize(), y.bitSize());
        KeyBloom merged = x.bitSize() == bits ? x.copy() : x.foldTo(bits);
        merged.putAll(y.bitSize() == bits ? y : y.foldTo(bits));
        Stage smaller = x.bitSize() <= y.bitSize() ? a : b;
        if (merged.fppAtFill() > smaller.target().fpp()) {
            return null;
        }
        return new Stage(smaller.target(), merged, 0);
    }

    public List<Stage> stages() {
        return Collections.unmodifiableList(stages);
    }

    /** Parameters of the first stage: what the chain as a whole was sized for. */
    public FilterParams target() {
        return stages.get(0).target();
    }

    public long bitSize() {
        return stages.stream().mapToLong(s -> s.bloom().bitSize()).sum();
    }

    /**
     * Probability that an absent key answers "probably present" now: 1 - Π(1 - (X_j/m_j)^k_j), from
     * each stage's fill (the stages are independent filters).
     */
    public double fppAtFill() {
        double none = 1;
        for (Stage s : stages) {
            none *= 1 - s.bloom().fppAtFill();
        }
        return 1 - none;
    }

    /** Distinct keys held, estimated from each stage's fill; {@link Long#MAX_VALUE} if a stage is saturated. */
    public long approximateKeys() {
        long n = 0;
        for (Stage s : stages) {
            long k = s.bloom().approximateKeys();
            if (k == Long.MAX_VALUE) {
                return k;
            }
            n += k;
        }
        return n;
    }
}
