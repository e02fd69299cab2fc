package io.ringsift.partial;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.filter.BloomChain;
import io.ringsift.filter.FilterParams;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A big exact set is grown once, to the size the input's rate of new keys forecasts, instead of
 * through a doubling per power of two (each a fresh table whose first touch cost more than the
 * inserts); an input of few distinct keys keeps a small table; the memory limit still holds.
 */
class ExactSetForecastTest {
    private static final long SLOT = 16;

    @Test
    void reserveHoldsThatManyPairsWithoutGrowingAgainAndKeepsWhatItHad() {
        HashPairSet set = new HashPairSet();
        for (long i = 1; i <= 1000; i++) {
            set.add(i, -i);
        }
        set.reserve(100_000);
        long bytes = set.bytes();
        assertThat(bytes).isEqualTo(SLOT * (1 << 18));   // 100,000 / 0.7 rounded up to a power of two
        for (long i = 1; i <= 1000; i++) {
            assertThat(set.contains(i, -i)).isTrue();
        }
        for (long i = 1001; i <= 100_000; i++) {
            assertThat(set.add(i, -i)).isTrue();
        }
        assertThat(set.bytes()).isEqualTo(bytes);
        assertThat(set.size()).isEqualTo(100_000);
    }

    @Test
    void reserveStopsAtTheMemoryLimit() {
        HashPairSet set = new HashPairSet(16, 1 << 20);
        set.reserve(10_000_000);
        assertThat(set.bytes()).isEqualTo(1 << 20);
    }

    @Test
    void uniqueKeysGetTheirForecastTableInOneStep() {
        Handler h = new Handler(400_000);
        DuplicateCounter counter = h.counter;
        SplittableRandom rnd = new SplittableRandom(3);
        long tableAtForecast = 0;
        for (int i = 0; i < 300_000; i++) {
            h.record(rnd.nextLong(), rnd.nextLong());
            if (i == DuplicateCounter.FORECAST_AFTER * 2) {
                tableAtForecast = counter.tableBytes();
            }
        }
        // 400,000 keys / 0.7 -> 2^20 slots, reached right after the first growth past 65,536 records
        assertThat(tableAtForecast).isEqualTo(SLOT * (1 << 20));
        assertThat(counter.tableBytes()).isEqualTo(tableAtForecast);
        assertThat(counter.counts(300_000).distinctKeys()).isEqualTo(300_000);
    }

    @Test
    void aBigTableIsAllocatedBesideAndTakenOverAtAGrowth() {
        HashPairSet set = new HashPairSet();
        for (long i = 1; i <= 1000; i++) {
            set.add(i, -i);
        }
        set.reserveAhead(1_200_000);   // / 0.7 -> 2^21 slots, 32 MiB: allocated on a thread of its own
        long target = SLOT * (1 << 21);
        assertThat(target).isGreaterThanOrEqualTo(HashPairSet.BACKGROUND_BYTES);
        assertThat(set.bytes()).isLessThan(target);   // nothing waited for it
        // doubling goes on until it would pass 1/16 of the table ahead (2^17 slots); that growth takes it over
        for (long i = 1001; i <= 100_000; i++) {
            assertThat(set.add(i, -i)).isTrue();
        }
        assertThat(set.bytes()).isEqualTo(target);
        assertThat(set.size()).isEqualTo(100_000);
        for (long i = 1; i <= 100_000; i++) {
            assertThat(set.contains(i, -i)).isTrue();
        }
        assertThat(set.contains(100_001, -100_001)).isFalse();
    }

    @Test
    void aSmallForecastIsStillGrownAtOnce() {
        HashPairSet set = new HashPairSet();
        set.reserveAhead(100_000);   // 2^18 slots, 4 MiB: below BACKGROUND_BYTES
        assertThat(set.bytes()).isEqualTo(SLOT * (1 << 18));
    }

    @Test
    void uniqueKeysOfABigInputGetTheirForecastTableFromBeside() {
        Handler h = new Handler(2_000_000);
        DuplicateCounter counter = h.counter;
        SplittableRandom rnd = new SplittableRandom(7);
        for (int i = 0; i < 300_000; i++) {
            h.record(rnd.nextLong(), rnd.nextLong());
        }
        // 2,000,000 keys / 0.7 -> 2^22 slots (64 MiB), taken over at the latest when the table outgrows 2^18 slots
        assertThat(counter.tableBytes()).isEqualTo(SLOT * (1 << 22));
        assertThat(counter.counts(300_000).distinctKeys()).isEqualTo(300_000);
        assertThat(counter.counts(300_000).duplicateRecords()).isZero();
    }

    @Test
    void onlyAPartialToldItsInputsRecordsForecasts() {
        // --expected-keys may size a filter for keys still to come: it must not size the exact set
        Partial<Object> told = new Partial<>(new FilterParams(4_000_000, 0.01), 2, Long.MAX_VALUE, null, null).expectRecords(800_000);
        Partial<Object> untold = new Partial<>(new FilterParams(4_000_000, 0.01), 2, Long.MAX_VALUE, null, null);
        SplittableRandom rnd = new SplittableRandom(11);
        for (int i = 0; i < 131_072; i++) {
            long lo = rnd.nextLong();
            long hi = rnd.nextLong();
            told.add(lo, hi, null, 0);
            untold.add(lo, hi, null, 0);
        }
        assertThat(told.exactTableBytes()).isEqualTo(SLOT * (1 << 20));    // 400,000 keys, its share of 800,000 records
        assertThat(untold.exactTableBytes()).isEqualTo(SLOT * (1 << 18));  // doubled to hold 131,072
    }

    @Test
    void fewDistinctKeysKeepASmallTable() {
        Handler h = new Handler(2_000_000);
        DuplicateCounter counter = h.counter;
        SplittableRandom rnd = new SplittableRandom(5);
        for (int i = 0; i < 500_000; i++) {
            long k = rnd.nextInt(3000) + 1;
            h.record(k, k * 31);
        }
        assertThat(counter.counts(500_000).distinctKeys()).isEqualTo(3000);
        assertThat(counter.tableBytes()).isLessThanOrEqualTo(SLOT * 8192);
    }

    /** A counter fed as a handler feeds it: the filter chain first, then the counter. */
    private static final class Handler {
        final DuplicateCounter counter;
        final BloomChain chain;

        Handler(long expectedRecords) {
            counter = new DuplicateCounter(Long.MAX_VALUE);
            counter.expectRecords(expectedRecords);
            chain = BloomChain.create(new FilterParams(expectedRecords, 0.01), 1);
        }

        void record(long lo, long hi) {
            counter.record(lo, hi, chain.put(lo, hi), chain);
        }
    }
}
