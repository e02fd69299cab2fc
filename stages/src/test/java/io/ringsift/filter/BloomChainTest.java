package io.ringsift.filter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The scalable chain: growth keeps its promise, folding is exact, any two chains merge. */
class BloomChainTest {

    @Test
    void afterFiftyTimesTheExpectedKeysTheMeasuredFppStaysWithinTwiceTheTarget() {
        FilterParams target = new FilterParams(20_000, 0.01);
        BloomChain chain = BloomChain.create(target, 1);
        SplittableRandom r = new SplittableRandom(50);
        for (int i = 0; i < 50 * 20_000; i++) {
            chain.put(r.nextLong(), r.nextLong());
        }
        int falsePositives = 0;
        int absent = 1_000_000;
        SplittableRandom other = new SplittableRandom(51);
        for (int i = 0; i < absent; i++) {
            if (chain.mightContain(other.nextLong(), other.nextLong())) {
                falsePositives++;
            }
        }
        double measured = (double) falsePositives / absent;
        assertThat(chain.stages().size()).isGreaterThan(1);
        assertThat(measured).isLessThanOrEqualTo(2 * target.fpp());
        assertThat(chain.fppAtFill()).isLessThanOrEqualTo(2 * target.fpp());
        // the fill-based figure predicts the measured one
        assertThat(measured).isCloseTo(chain.fppAtFill(), org.assertj.core.data.Offset.offset(0.002));
    }

    @Test
    void everyKeyPutIsFoundInEveryStageLayout() {
        BloomChain chain = BloomChain.create(new FilterParams(100, 0.01), 1);
        SplittableRandom r = new SplittableRandom(3);
        long[][] keys = new long[10_000][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new long[] {r.nextLong(), r.nextLong()};
            chain.put(keys[i][0], keys[i][1]);
        }
        for (long[] k : keys) {
            assertThat(chain.mightContain(k[0], k[1])).isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void foldingABiggerFilterEqualsBuildingAtTheSmallerSizeBitForBit(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int smallWords = 1 << (1 + r.nextInt(8));
        int bigWords = smallWords << (1 + r.nextInt(4));
        int k = 1 + r.nextInt(12);
        KeyBloom big = KeyBloom.withShape(new BloomGeometry(BloomGeometry.MURMUR128_MITZ_64, k, bigWords));
        KeyBloom small = KeyBloom.withShape(new BloomGeometry(BloomGeometry.MURMUR128_MITZ_64, k, smallWords));
        for (int i = 0, n = r.nextInt(5_000); i < n; i++) {
            long lo = r.nextLong();
            long hi = r.nextLong();
            big.put(lo, hi);
            small.put(lo, hi);
        }
        KeyBloom folded = big.foldTo(small.bitSize());
        assertThat(bytes(folded)).isEqualTo(bytes(small));
        assertThat(folded.setBits()).isEqualTo(small.setBits());
    }

    @Test
    void filtersOfDifferentSizesMergeAndAnswerForBothInputs() {
        BloomChain a = BloomChain.create(new FilterParams(5_000, 0.01), 1);
        BloomChain b = BloomChain.create(new FilterParams(80_000, 0.01), 1);
        BloomChain v1 = BloomChain.of(List.of(new FilterParams(3_000, 0.01)), List.of(new KeyBloom(new FilterParams(3_000, 0.01))));
        SplittableRandom r = new SplittableRandom(9);
        long[][] keys = new long[6_000][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new long[] {r.nextLong(), r.nextLong()};
            (i % 3 == 0 ? a : i % 3 == 1 ? b : v1).put(keys[i][0], keys[i][1]);
        }
        BloomChain union = BloomChain.union(List.of(a, b, v1));
        for (long[] k : keys) {
            assertThat(union.mightContain(k[0], k[1])).isTrue();
        }
        // a and b fold into one power-of-two stage (same k); the v1-sized filter stays a stage of its own
        assertThat(union.stages()).hasSize(2);
        assertThat(union.fppAtFill()).isLessThanOrEqualTo(2 * 0.01);
    }

    @Test
    void partialsOfOneRunMergeStageByStageWhateverTheyGrewTo() {
        FilterParams p = new FilterParams(1_000, 0.01);
        BloomChain x = BloomChain.create(p, 2);
        BloomChain y = BloomChain.create(p, 2);
        SplittableRandom r = new SplittableRandom(11);
        for (int i = 0; i < 3_000; i++) {
            x.put(r.nextLong(), r.nextLong());
        }
        y.put(1, 2);
        x.mergeFrom(y);
        y.mergeFrom(x);
        assertThat(x.mightContain(1, 2)).isTrue();
        assertThat(y.stages()).hasSameSizeAs(x.stages());
        assertThat(x.stages().size()).isGreaterThan(1);
    }

    private static byte[] bytes(KeyBloom b) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            b.writeTo(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
