package io.ringsift.reduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringsift.filter.BloomChain;
import io.ringsift.filter.FilterFile;
import io.ringsift.filter.FilterHeader;
import io.ringsift.filter.FilterParams;
import io.ringsift.filter.LoadedFilter;
import io.ringsift.key.KeySpec;
import io.ringsift.partial.HashPairSet;
import io.ringsift.partial.KeyCounts;
import io.ringsift.partial.Partial;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reducer's filters: a run's, a check's update and the union of merge, each with its header. */
class MergedFilterTest {
    private static final Instant AT = Instant.parse("2024-05-06T07:08:09Z");
    private static final KeySpec KEY = new KeySpec(List.of("id"));

    @TempDir
    Path dir;

    private static long[][] keys(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        long[][] k = new long[n][];
        for (int i = 0; i < n; i++) {
            k[i] = new long[] {r.nextLong(), r.nextLong()};
        }
        return k;
    }

    private static LoadedFilter filter(KeySpec key, long expected, long[][] keys, long records, long duplicates) {
        BloomChain chain = BloomChain.create(new FilterParams(expected, 0.01), 1);
        for (long[] k : keys) {
            chain.put(k[0], k[1]);
        }
        return new LoadedFilter(FilterHeader.of(key, FilterHeader.SOURCE_CSV, chain, records, duplicates, KeyCounts.EXACT, AT), chain);
    }

    @Test
    void theUnionAnswersForEveryKeyOfEveryInputWhateverTheirSizes() {
        long[][] a = keys(1, 2_000);
        long[][] b = keys(2, 30_000);
        MergedFilter union = MergedFilter.union(List.of(filter(KEY, 2_000, a, 2_100, 100), filter(KEY, 40_000, b, 30_500, 500)),
                List.of("a.bf", "b.bf"), AT);
        for (long[][] ks : List.of(a, b)) {
            for (long[] k : ks) {
                assertThat(union.chain().mightContain(k[0], k[1])).isTrue();
            }
        }
        assertThat(union.header().records()).isEqualTo(32_600);
        assertThat(union.header().duplicateRecords()).isEqualTo(600);
        assertThat(union.header().countMethod()).isEqualTo(MergedFilter.LOWER_BOUND);
        assertThat(union.header().keySpec()).isEqualTo("id");
        assertThat(union.header().bits()).isEqualTo(union.chain().bitSize());
    }

    @Test
    void filtersWithOtherKeysAreRefusedNamingBothFiles() {
        LoadedFilter a = filter(KEY, 100, keys(1, 10), 10, 0);
        LoadedFilter b = filter(new KeySpec(List.of("email")), 100, keys(2, 10), 10, 0);
        assertThatThrownBy(() -> MergedFilter.union(List.of(a, b), List.of("a.bf", "b.bf"), AT))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("cannot merge a.bf and b.bf: key spec differs");
    }

    @Test
    void aUnionOfOneFilterIsRefused() {
        LoadedFilter a = filter(KEY, 100, keys(1, 10), 10, 0);
        assertThatThrownBy(() -> MergedFilter.union(List.of(a), List.of("a.bf"), AT))
                .hasMessageContaining("two or more filters");
    }

    @Test
    void anUpdateAddsTheNewKeysAndTheCheckedCounts() {
        long[][] old = keys(1, 500);
        long[][] fresh = keys(2, 300);
        LoadedFilter f = filter(KEY, 1_000, old, 600, 100);
        HashPairSet additions = new HashPairSet();
        for (long[] k : fresh) {
            additions.add(k[0], k[1]);
        }
        MergedFilter exact = MergedFilter.update(f, additions, 400, 100, true, AT);
        for (long[] k : fresh) {
            assertThat(exact.chain().mightContain(k[0], k[1])).isTrue();
        }
        assertThat(exact.header().records()).isEqualTo(1_000);
        assertThat(exact.header().duplicateRecords()).isEqualTo(200);
        assertThat(exact.header().countMethod()).isEqualTo(KeyCounts.EXACT);
        assertThat(exact.header().distinctKeys()).isEqualTo(800);

        MergedFilter bloom = MergedFilter.update(filter(KEY, 1_000, old, 600, 100), new HashPairSet(), 400, 100, false, AT);
        assertThat(bloom.header().countMethod()).isEqualTo(FilterHeader.COUNT_BLOOM);
        assertThat(bloom.header().distinctKeys()).isEqualTo(-1);
    }

    @Test
    void aRunsFilterIsWrittenWithItsCountsAndReadsBackBitForBit() throws IOException {
        Partial p = new Partial(new FilterParams(1_000, 0.01), null, null);
        long[][] ks = keys(7, 800);
        for (long[] k : ks) {
            p.add(k[0], k[1], null, 0);
        }
        p.add(ks[0][0], ks[0][1], null, 0);
        Partial merged = Reducer.merge(List.of(p));
        MergedFilter f = MergedFilter.ofRun(KEY, FilterHeader.SOURCE_CSV, merged.bloom(), merged.records(),
                merged.counts().duplicateRecords(), merged.counts().method(), AT);
        Path file = dir.resolve("filter.bf");
        f.write(file);
        LoadedFilter read = FilterFile.read(file);
        assertThat(read.header()).isEqualTo(f.header());
        assertThat(read.header().records()).isEqualTo(801);
        assertThat(read.header().duplicateRecords()).isEqualTo(1);
        assertThat(read.toGuavaFilter()).isEqualTo(f.chain().stages().get(0).bloom().toGuava());
    }
}
