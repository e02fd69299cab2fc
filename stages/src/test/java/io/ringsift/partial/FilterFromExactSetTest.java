package io.ringsift.partial;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.filter.BloomChain;
import io.ringsift.filter.FilterParams;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An ingest's partial gives its chain the keys from the exact set at the end, not row by row
 * (Partial, "The filter comes from the exact set"). Its chain must be the chain of row-by-row puts
 * bit for bit, stage for stage, and its counts the same, on any number of threads, when the keys
 * outgrow the first stage, and when the exact set stops at its memory share.
 */
class FilterFromExactSetTest {

    /** A key stream: {@code repeats} of the rows repeat an earlier key. */
    private static List<long[]> keys(long seed, int rows, double repeats) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<long[]> out = new ArrayList<>(rows);
        for (int i = 0; i < rows; i++) {
            out.add(i > 0 && rnd.nextDouble() < repeats ? out.get(rnd.nextInt(i)) : new long[] {rnd.nextLong(), rnd.nextLong()});
        }
        return out;
    }

    /** The chain of row-by-row puts, as every partial built it before. */
    private static BloomChain streamed(FilterParams params, List<long[]> keys) {
        BloomChain chain = BloomChain.create(params, 1);
        for (long[] k : keys) {
            chain.put(k[0], k[1]);
        }
        return chain;
    }

    private static List<byte[]> stages(BloomChain chain) throws IOException {
        List<byte[]> out = new ArrayList<>();
        for (BloomChain.Stage s : chain.stages()) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            s.bloom().writeTo(b);
            out.add(b.toByteArray());
        }
        return out;
    }

    private static void assertSameChain(BloomChain actual, BloomChain expected) throws IOException {
        assertThat(actual.stages()).hasSameSizeAs(expected.stages());
        assertThat(stages(actual)).containsExactlyElementsOf(stages(expected));
        for (int j = 0; j < expected.stages().size(); j++) {
            assertThat(actual.stages().get(j).bloom().setBits()).isEqualTo(expected.stages().get(j).bloom().setBits());
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3})
    void theChainIsTheRowByRowChainOnAnyNumberOfThreads(int threads) throws IOException {
        FilterParams params = new FilterParams(1_500_000, 0.01);
        List<long[]> keys = keys(threads, 1_400_000, 0.2);   // over a million distinct: threads > 1 do take part
        Partial<Object> p = new Partial<>(params, null, null);
        for (long[] k : keys) {
            p.add(k[0], k[1], null, 0);
        }
        p.finishFilter(threads);
        BloomChain expected = streamed(params, keys);
        assertSameChain(p.bloom(), expected);
        assertThat(p.counts().exact()).isTrue();
        HashPairSet distinct = new HashPairSet();
        keys.forEach(k -> distinct.add(k[0], k[1]));
        assertThat(p.counts().distinctKeys()).isEqualTo(distinct.size()).isGreaterThan(1 << 20);
        for (long[] k : keys.subList(0, 1000)) {
            assertThat(p.bloom().mightContain(k[0], k[1])).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 6})
    void keysThatOutgrowTheFirstStageStillGiveTheRowByRowChain(long seed) throws IOException {
        FilterParams params = new FilterParams(20_000, 0.01);   // 300,000 rows: the chain grows stages
        List<long[]> keys = keys(seed, 300_000, 0.1);
        Partial<Object> p = new Partial<>(params, null, null);
        for (long[] k : keys) {
            p.add(k[0], k[1], null, 0);
        }
        BloomChain expected = streamed(params, keys);
        assertThat(expected.stages()).hasSizeGreaterThan(2);
        assertSameChain(p.bloom(), expected);
    }

    @ParameterizedTest
    @ValueSource(longs = {7, 8})
    void pastTheMemoryShareTheCountsAreThoseOfAskingTheChainEveryRow(long seed) throws IOException {
        FilterParams params = new FilterParams(200_000, 0.01);
        List<long[]> keys = keys(seed, 200_000, 0.3);
        long share = 16L << 12;   // 4,096 slots: the exact set stops early, the chain answers the rest
        Partial<Object> deferred = new Partial<>(params, 1, share, null, null);
        // --exact asks the chain on every row from the start (and only collects candidates besides)
        Partial<Object> everyRow = new Partial<>(params, 1, share, null, null).collectCandidates();
        for (long[] k : keys) {
            assertThat(deferred.add(k[0], k[1], null, 0)).isEqualTo(everyRow.add(k[0], k[1], null, 0));
        }
        assertThat(deferred.counts().exact()).isFalse();
        assertThat(deferred.counts()).isEqualTo(everyRow.counts());
        assertSameChain(deferred.bloom(), everyRow.bloom());
    }
}
