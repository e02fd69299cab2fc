package io.ringsift.filter;

import static io.ringsift.filter.TestFilters.filterOf;
import static io.ringsift.filter.TestFilters.header;
import static io.ringsift.filter.TestFilters.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.hash.BloomFilter;
import io.ringsift.key.KeyHash;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class FilterCompatibilityTest {
    private static final FilterParams P = new FilterParams(10_000, 0.01);
    private static final List<String> A = IntStream.range(0, 3_000).mapToObj(i -> "a" + i).toList();
    private static final List<String> B = IntStream.range(0, 3_000).mapToObj(i -> "b" + i).toList();

    @Test
    void sameParametersAndKeyAreCompatibleAndMergeAnswersForBoth() {
        LoadedFilter a = loaded("key", P, A);
        LoadedFilter b = loaded("key", P, B);

        FilterCompatibility c = FilterCompatibility.of(a, b);

        assertThat(c.isCompatible()).isTrue();
        assertThat(c.describe()).isEmpty();
        a.chain().stages().get(0).bloom().putAll(b.chain().stages().get(0).bloom());
        assertThat(A).allMatch(k -> a.mightContain(key(k)));
        assertThat(B).allMatch(k -> a.mightContain(key(k)));
        assertThat(a.toGuavaFilter()).isEqualTo(filterOf(P, concat(A, B)));
    }

    /** Regression: `merge` of filters built with default options from two files of different sizes refused with "bits differs". */
    @Test
    void differentSizesAndFppsNoLongerBlockAMerge() {
        LoadedFilter a = loaded("key", P, A);
        LoadedFilter b = loaded("key", new FilterParams(10_000, 0.001), A);
        LoadedFilter c = loaded("key", new FilterParams(20_000, 0.01), B);

        assertThat(FilterCompatibility.of(a, b).isCompatible()).isTrue();
        assertThat(FilterCompatibility.of(a, c).isCompatible()).isTrue();
        BloomChain union = BloomChain.union(List.of(a.chain(), b.chain(), c.chain()));
        assertThat(A).allMatch(k -> union.mightContain(key(k).lo, key(k).hi));
        assertThat(B).allMatch(k -> union.mightContain(key(k).lo, key(k).hi));
    }

    @Test
    void aDifferenceIsNamedWithBothValuesWhenRequired() {
        FilterCompatibility c = FilterCompatibility.of(loaded("key", P, A), loaded("a,b", P, A));
        assertThatThrownBy(() -> c.requireCompatible("a.bf", "b.bf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot merge a.bf and b.bf: key spec differs: \"key\" vs \"a,b\"");
    }

    @Test
    void differentKeySpecIsNamedWithBothValues() {
        FilterCompatibility c = FilterCompatibility.of(loaded("key", P, A), loaded("a,b", P, A));

        assertThat(c.isCompatible()).isFalse();
        assertThat(c.describe()).isEqualTo("key spec differs: \"key\" vs \"a,b\"");
    }

    @Test
    void differentEncodingOrSchemeIsNamed() {
        FilterHeader h = loaded("key", P, A).header();
        FilterHeader other = new FilterHeader(1, h.keySpec(), "mongo", "ringsift-key-v2", "other-hash", 10_000, 0.01,
                h.bits(), h.hashFunctions(), 0, 0, TestFilters.CREATED);

        assertThat(FilterCompatibility.of(h, other).differences()).extracting(FilterCompatibility.Difference::field)
                .containsExactly("key encoding", "hash scheme");
    }

    @Test
    void expectedKeysThatRoundToTheSameShapeStillMerge() {
        assertThat(BloomGeometry.predicted(1_000, 0.01)).isEqualTo(BloomGeometry.predicted(1_001, 0.01));

        FilterCompatibility c = FilterCompatibility.of(loaded("key", new FilterParams(1_000, 0.01), A),
                loaded("key", new FilterParams(1_001, 0.01), B));

        assertThat(c.isCompatible()).isTrue();
    }

    @Test
    void keySourceDoesNotBlockAMerge() {
        FilterHeader h = loaded("key", P, A).header();
        FilterHeader mongo = new FilterHeader(1, h.keySpec(), FilterHeader.SOURCE_MONGO, h.keyEncoding(), h.hashScheme(),
                h.expectedKeys(), h.fpp(), h.bits(), h.hashFunctions(), 7, 1, TestFilters.CREATED);

        assertThat(FilterCompatibility.of(h, mongo).isCompatible()).isTrue();
    }

    private static LoadedFilter loaded(String keySpec, FilterParams params, List<String> keys) {
        BloomFilter<KeyHash> f = filterOf(params, keys);
        return new LoadedFilter(header(keySpec, params, f, keys.size(), 0),
                BloomChain.of(List.of(params), List.of(KeyBloom.fromGuava(f))));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
