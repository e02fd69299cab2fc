package io.ringsift.partial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashPairSetTest {

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void answersLikeAHashSetOfPairsIncludingTheZeroPairAndCollidingSlots(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        HashPairSet set = new HashPairSet(4);
        HashSet<List<Long>> ref = new HashSet<>();
        for (int i = 0; i < 50_000; i++) {
            // small values make many pairs share a slot and force long probe runs and wrap-around
            long lo = r.nextInt(4) == 0 ? 0 : r.nextLong(20_000);
            long hi = r.nextInt(4) == 0 ? 0 : r.nextLong(3);
            assertThat(set.add(lo, hi)).isEqualTo(ref.add(List.of(lo, hi)));
        }
        assertThat(set.size()).isEqualTo(ref.size());
        for (int i = 0; i < 10_000; i++) {
            long lo = r.nextLong(30_000);
            long hi = r.nextLong(4);
            assertThat(set.contains(lo, hi)).isEqualTo(ref.contains(List.of(lo, hi)));
        }
        HashSet<List<Long>> listed = new HashSet<>();
        set.forEach((lo, hi) -> listed.add(List.of(lo, hi)));
        assertThat(listed).isEqualTo(ref);
    }

    @Test
    void atItsMemoryLimitItAnswersFullAndKeepsWhatItHolds() {
        HashPairSet set = new HashPairSet(16, 16 * 64);
        int added = 0;
        int r;
        long i = 1;
        while ((r = set.insert(i, i)) == HashPairSet.ADDED) {
            added++;
            i++;
        }
        assertThat(r).isEqualTo(HashPairSet.FULL);
        assertThat(set.bytes()).isLessThanOrEqualTo(16 * 64);
        assertThat(set.size()).isEqualTo(added).isPositive();
        assertThat(set.insert(1, 1)).isEqualTo(HashPairSet.PRESENT);
        assertThat(set.contains(i, i)).isFalse();
        assertThatThrownBy(() -> set.add(-5, -5)).hasMessageContaining("limit");
    }

    @Test
    void probeRunsWrapAroundTheTable() {
        HashPairSet set = new HashPairSet(700_000);   // 2^20 slots
        int slots = (int) (set.bytes() / 16);
        // with hi < 2^32 a pair's first slot is lo: these three start at the last slot, and the
        // second and third go on at the table's first slots
        long last = slots - 1;
        for (long hi = 1; hi <= 3; hi++) {
            assertThat(set.add(last, hi)).isTrue();
        }
        assertThat(set.add(0, 1)).isTrue();   // its own first slot, now taken by a pair that wrapped
        for (long hi = 1; hi <= 3; hi++) {
            assertThat(set.contains(last, hi)).isTrue();
            assertThat(set.add(last, hi)).isFalse();
        }
        assertThat(set.contains(last, 4)).isFalse();
        assertThat(set.contains(0, 1)).isTrue();
        List<long[]> seen = new ArrayList<>();
        set.forEach((lo, hi) -> seen.add(new long[] {lo, hi}));
        assertThat(seen).hasSize(4);
        assertThat(set.size()).isEqualTo(4);
    }
}
