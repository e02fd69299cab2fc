package io.ringsift.filter;

import com.google.common.hash.BloomFilter;
import io.ringsift.key.KeyHash;
import java.util.Objects;

/** A filter read from a file, with the header that describes it. The chain is the caller's to mutate. */
public record LoadedFilter(FilterHeader header, BloomChain chain) {
    public LoadedFilter {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(chain, "chain");
    }

    /** True when the key is probably in the filter (any stage). */
    public boolean mightContain(KeyHash key) {
        return chain.mightContain(key.lo, key.hi);
    }

    /**
     * A one-stage filter as a stock Guava {@code BloomFilter}, for programs that want Guava's own
     * object; a chain of several stages has no single Guava equivalent. Each call builds a new copy
     * of the bits (the chain is mutable, so nothing is cached): call it once and keep the result.
     */
    public BloomFilter<KeyHash> toGuavaFilter() {
        if (chain.stages().size() != 1) {
            throw new IllegalStateException("the filter has " + chain.stages().size() + " stages; use chain()");
        }
        return chain.stages().get(0).bloom().toGuava();
    }
}
