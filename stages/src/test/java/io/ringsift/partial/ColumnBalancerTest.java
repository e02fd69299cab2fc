package io.ringsift.partial;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.record.HandlerLoad;
import io.ringsift.record.RecordBatch;
import io.ringsift.record.RecordSink;
import org.junit.jupiter.api.Test;

/**
 * {@link ColumnBalancer#choose}: which column a reader hands over, from measured work a row; and when
 * the balancer first may move one.
 */
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

    @Test
    void aReaderFarSlowerThanItsHandlerMovesAColumnInTheSecondWindowWithoutWaitingForTheJit() {
        long[] handlerRows = {0};
        HandlerLoad load = new HandlerLoad() {
            public int handlers() {
                return 1;
            }

            public int readers() {
                return 1;
            }

            public long busyNanos(int h) {
                return handlerRows[0] * 10;   // 10 ns a row: far below the reader's
            }

            public long rows(int h) {
                return handlerRows[0];
            }

            public boolean claimMove(long nowNanos, long spacingNanos) {
                return true;
            }
        };
        RecordSink<Object> sink = new RecordSink<>() {
            public RecordBatch<Object> batch() {
                return null;
            }

            public void publish(int unit) {
            }

            public boolean stopRequested() {
                return false;
            }

            public HandlerLoad handlerLoad() {
                return load;
            }
        };
        ColumnBalancer b = new ColumnBalancer(new ColumnStats[] {new ColumnStats(true), new ColumnStats(true)}, StatsPlacement.AUTO);
        b.handTo(sink);
        RecordBatch<Object> batch = new RecordBatch<>(16);
        // a window ends at every WINDOW_BATCHES-th batch start: the first after 31 batches of rows
        for (int n = 1; n < 2 * ColumnBalancer.WINDOW_BATCHES; n++) {
            b.startBatch(batch);
            long until = System.nanoTime() + 500_000;   // 100 rows in 500 us: at least 5,000 ns a row
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            for (int r = 0; r < 100; r++) {
                b.row();
            }
            if (b.sampling()) {
                b.sample(0, 200_000, 100);   // 2,000 ns a value: moving it evens the two most
                b.sample(1, 30_000, 100);    // 300
            }
            handlerRows[0] += 100;
        }
        assertThat(b.handed(0) || b.handed(1)).isFalse();   // the first window only measures
        b.startBatch(batch);   // ends the second window
        assertThat(b.handed(0)).isTrue();
        assertThat(b.handed(1)).isFalse();
    }
}
