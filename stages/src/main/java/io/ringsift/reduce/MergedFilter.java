package io.ringsift.reduce;

import io.ringsift.filter.BloomChain;
import io.ringsift.filter.FilterCompatibility;
import io.ringsift.filter.FilterFile;
import io.ringsift.filter.FilterHeader;
import io.ringsift.filter.LoadedFilter;
import io.ringsift.key.KeySpec;
import io.ringsift.partial.HashPairSet;
import io.ringsift.partial.KeyCounts;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A filter the reducer produced, with the header that describes it: what {@code ingest} writes
 * after merging its partials, what {@code check --update} writes back, and what {@code merge}
 * writes for the union of several files. The one place a filter file's header is filled in from a
 * run's figures.
 */
public record MergedFilter(FilterHeader header, BloomChain chain) {
    /** A union's count method: duplicates within each input, summed; repeats across inputs are not counted. */
    public static final String LOWER_BOUND = "lower-bound";

    public MergedFilter {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(chain, "chain");
    }

    /**
     * The filter of a whole run: the merged partials' chain with the run's counts.
     *
     * @param keySource        "csv" or "mongo"
     * @param duplicateRecords the run's duplicate figure (exact mode: the verified one)
     * @param countMethod      how certain that figure is ({@link KeyCounts#EXACT} or an estimate's method)
     */
    public static MergedFilter ofRun(KeySpec key, String keySource, BloomChain chain, long records, long duplicateRecords,
                                     String countMethod, Instant createdAt) {
        return new MergedFilter(FilterHeader.of(key, keySource, chain, records, duplicateRecords, countMethod, createdAt), chain);
    }

    /**
     * {@code check --update}: {@code additions} (keys new to the filter and to the checked input)
     * put into the loaded filter's chain one by one, so that it grows the way an ingest's does, and
     * the checked input's counts added to the filter's.
     *
     * @param exactCounts true when both the filter's and the check's counts are exact; otherwise the
     *                    header's counts are the Bloom filter's and no distinct figure is claimed
     */
    public static MergedFilter update(LoadedFilter filter, HashPairSet additions, long records, long presentRecords,
                                      boolean exactCounts, Instant createdAt) {
        BloomChain chain = filter.chain();
        additions.forEach(chain::put);
        FilterHeader h = filter.header();
        long allRecords = h.records() + records;
        long duplicates = h.duplicateRecords() + presentRecords;
        return new MergedFilter(h.withContent(chain, allRecords, duplicates, exactCounts ? KeyCounts.EXACT : FilterHeader.COUNT_BLOOM,
                exactCounts ? allRecords - duplicates : -1, createdAt), chain);
    }

    /**
     * {@code merge}: the union of filters built separately, whatever their sizes
     * ({@link BloomChain#union}). Records add up; each input's duplicates are within that input and
     * repeats across inputs are not known, so the duplicate figure is a lower bound
     * ({@link #LOWER_BOUND}) and no distinct figure is claimed.
     *
     * @param names how to name each filter in an error (its file), in the same order
     * @throws IllegalArgumentException the filters differ in key spec, key encoding or hash scheme
     *                                  (naming the first and the differing one), or fewer than two were given
     */
    public static MergedFilter union(List<LoadedFilter> filters, List<String> names, Instant createdAt) {
        if (filters.size() < 2 || filters.size() != names.size()) {
            throw new IllegalArgumentException("A union needs two or more filters, each with a name; got " + filters.size()
                    + " filters and " + names.size() + " names");
        }
        LoadedFilter first = filters.get(0);
        for (int i = 1; i < filters.size(); i++) {
            FilterCompatibility c = FilterCompatibility.of(first, filters.get(i));
            if (!c.isCompatible()) {
                throw new IllegalArgumentException("cannot merge " + names.get(0) + " and " + names.get(i) + ": " + c.describe());
            }
        }
        BloomChain union = BloomChain.union(filters.stream().map(LoadedFilter::chain).toList());
        long records = 0;
        long duplicates = 0;
        for (LoadedFilter f : filters) {
            records += f.header().records();
            duplicates += f.header().duplicateRecords();
        }
        return new MergedFilter(first.header().withContent(union, records, duplicates, LOWER_BOUND, -1, createdAt), union);
    }

    /** Writes the filter file atomically (temp file, fsync, rename): a crash never leaves a half file under {@code target}. */
    public void write(Path target) throws IOException {
        FilterFile.write(target, header, chain);
    }

    /** Writes the filter file's bytes to {@code out} (a cluster file system that does its own renaming). */
    public void writeTo(OutputStream out) throws IOException {
        FilterFile.writeTo(out, header, chain);
    }
}
