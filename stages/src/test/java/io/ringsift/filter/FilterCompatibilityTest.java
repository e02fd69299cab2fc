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
        a.filter().putAll(b.filter());
        assertThat(A).allMatch(k -> a.filter().mightContain(key(k)));
        assertThat(B).allMatch(k -> a.filter().mightContain(key(k)));
        assertThat(a.filter()).isEqualTo(filterOf(P, concat(A, B)));
    }

    @Test
    void differentFppChangesBitsAndHashFunctionsAndBothAreNamed() {
        LoadedFilter a = loaded("key", P, A);
        LoadedFilter b = loaded("key", new FilterParams(10_000, 0.001), A);

        FilterCompatibility c = FilterCompatibility.of(a, b);

        assertThat(c.differences()).extracting(FilterCompatibility.Difference::field)
                .containsExactly("bits", "hash functions");
        assertThat(c.describe()).isEqualTo("bits differs: 95872 vs 143808; hash functions differs: 7 vs 10");
        assertThatThrownBy(() -> c.requireCompatible("a.bf", "b.bf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot merge a.bf and b.bf: bits differs: 95872 vs 143808; hash functions differs: 7 vs 10");
    }

    @Test
    void differentSizeSameFppDiffersOnlyInBits() {
        FilterCompatibility c = FilterCompatibility.of(loaded("key", P, A), loaded("key", new FilterParams(20_000, 0.01), A));

        assertThat(c.differences()).extracting(FilterCompatibility.Difference::field).containsExactly("bits");
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
        return new LoadedFilter(header(keySpec, params, f, keys.size(), 0), f);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
