package io.ringsift.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.filter.FilterParams;
import io.ringsift.partial.Partial;
import io.ringsift.reduce.Reducer;
import io.ringsift.source.UnitReader;
import io.ringsift.source.UnitResult;
import io.ringsift.source.WorkUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Regression (found by CsvPipelineFuzzPropertyTest): a tiny input was sometimes read, published
 * and reported complete, yet never reached the handlers: {@code records: 0} next to a source with
 * {@code records: 1}, and no filter entry. {@code Disruptor.shutdown} waits only for consumers that
 * are already running ({@code ConsumerRepository.hasBacklog(cursor, false)} skips processors still
 * IDLE); when the readers finish before a handler thread has started, shutdown sees no backlog and
 * halts, and the late processor exits at once ({@code BatchEventProcessor.earlyExit}) without
 * handling the published slots. About 2% of one-record runs with one handler lost their record.
 */
@Timeout(60)
class RecordsLostWhenHandlersStartAfterTheReadersFinishTest {

    record Unit(int id) implements WorkUnit {
        @Override
        public String source() {
            return "tiny";
        }

        @Override
        public String describe() {
            return "tiny unit " + id;
        }
    }

    /** One record per unit, published at once: the readers finish in microseconds. */
    private static final UnitReader<Unit, Object> ONE_RECORD = (u, sink, rejects) -> {
        sink.publish(u.id());
        sink.batch().add(u.id() * 31L + 7, u.id() * 1_000_003L + 11, 2, null, null);
        sink.publish(u.id());
        return new UnitResult(u.id(), 1, 0, 0, 0);
    };

    @Test
    void everyPublishedRecordReachesAHandlerEvenWhenTheReadersFinishFirst() {
        FilterParams params = new FilterParams(1000, 0.01);
        List<String> lost = new ArrayList<>();
        for (int run = 0; run < 300; run++) {
            int handlers = 1 + run % 3;
            RunOutcome<Partial> o = new RunEngine(new EngineSettings(1, handlers, 16, 8, WaitKind.BLOCKING))
                    .run(List.of(new Unit(0)), () -> ONE_RECORD, i -> new Partial(params, null, null), r -> { }, null, new RunControl());
            assertThat(o.complete()).isTrue();
            long records = Reducer.merge(o.states()).records();
            if (records != 1) {
                lost.add("run " + run + " with " + handlers + " handler(s): " + records + " records");
            }
        }
        assertThat(lost).isEmpty();
    }
}
