package io.ringsift.filter;

import com.google.common.hash.BloomFilter;
import io.ringsift.key.KeyHash;
import java.util.Objects;

/** A filter read from a file, with the header that describes it. The filter is the caller's to mutate. */
public record LoadedFilter(FilterHeader header, BloomFilter<KeyHash> filter) {
    public LoadedFilter {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(filter, "filter");
    }
}
