package io.ringsift.partial;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link ColumnBalancer#choose}: which column a reader hands over, from measured work a row. */
class ColumnBalancerTest {
    private static final boolean[] NONE_HANDED = new boolean[4];

    @Test
    void picksTheColumnThatEvensReaderAndHandler() {
        // reader 600 ns a row, handler 300: moving ~130 ns evens them; 40 is too little, 400 too much
        double[] cost = {40, 130, 400, 10};
        assertThat(ColumnBalancer.choose(600, 300, 300, cost, NONE_HANDED)).isEqualTo(1);
    }

    @Test
    void movesNothingWhenTheHandlerIsTheSlower() {
        assertThat(ColumnBalancer.choose(400, 450, 450, new double[] {40, 130, 200, 10}, NONE_HANDED)).isEqualTo(-1);
    }

    @Test
    void movesNothingThatWouldGainLessThanTheMargin() {
        // the best move (10 ns) brings 600 to 596: under 3%
        assertThat(ColumnBalancer.choose(600, 500, 500, new double[] {10, 0, 0, 0}, NONE_HANDED)).isEqualTo(-1);
    }

    @Test
    void skipsColumnsAlreadyHandedOrNotYetTimed() {
        double[] cost = {0, 130, 120, 10};
        assertThat(ColumnBalancer.choose(600, 300, 300, cost, new boolean[] {false, true, false, false})).isEqualTo(2);
        assertThat(ColumnBalancer.choose(600, 300, 300, new double[4], NONE_HANDED)).isEqualTo(-1);
    }

    @Test
    void aSlowerSecondHandlerSetsThePace() {
        // reader 400, least busy handler 200, but another handler at 500 paces the run: no move of the reader's helps
        assertThat(ColumnBalancer.choose(400, 200, 500, new double[] {100, 50, 0, 0}, NONE_HANDED)).isEqualTo(-1);
    }
}
