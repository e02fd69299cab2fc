package io.ringsift.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.partial.FieldProfile;
import io.ringsift.filter.FilterParams;
import io.ringsift.partial.Partial;
import io.ringsift.reduce.Reducer;
import io.ringsift.source.UnitReader;
import io.ringsift.source.UnitResult;
import io.ringsift.source.WorkUnit;
import io.ringsift.testing.Cli;
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A failure in any thread ends the run with a message naming where, and leaves no thread behind. */
@Timeout(60)
class RunEngineFailureTest {

    record Unit(int id) implements WorkUnit {
        @Override
        public String source() {
            return "synthetic";
        }

        @Override
        public String describe() {
            return "synthetic unit " + id;
        }
    }

    /** Publishes {@code perUnit} records per unit; throws at record {@code failAt} of unit {@code failUnit}. */
    static UnitReader<Unit, Object> reader(long perUnit, int failUnit, long failAt) {
        return (u, sink, rejects) -> {
            sink.publish(u.id());
            for (long i = 0; i < perUnit; i++) {
                if (u.id() == failUnit && i == failAt) {
                    throw new IOException("disk read error at byte " + (i * 100));
                }
                if (sink.batch().add(i * 31 + u.id(), i * 17 + u.id() * 1_000_003L, i, ROW, null)) {
                    sink.publish(u.id());
                    if (sink.stopRequested()) {
                        return new UnitResult(u.id(), i, 0, 0, 0);
                    }
                }
            }
            sink.publish(u.id());
            return new UnitResult(u.id(), perUnit, 0, 0, 0);
        };
    }

    static List<Unit> units(int n) {
        List<Unit> l = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            l.add(new Unit(i));
        }
        return l;
    }

    /** A profile that throws when it has seen {@code n} rows: a handler bug. */
    static FieldProfile<Object> throwingAfter(long n) {
        AtomicLong seen = new AtomicLong();
        return new FieldProfile<Object>() {
            @Override
            public void accept(Object row, int unit) {
                if (seen.incrementAndGet() == n) {
                    throw new IllegalStateException("profile exploded");
                }
            }

            @Override
            public void mergeFrom(FieldProfile<?> other) {
            }


            @Override

            public void writeTo(DataOutput out) {

            }


            @Override

            public void readFrom(DataInput in) {

            }
        };
    }

    static void assertNoThreadLeft() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!Cli.liveRingsiftThreads().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(Cli.liveRingsiftThreads()).isEmpty();
    }

    private static final FilterParams PARAMS = new FilterParams(100_000, 0.01);
    /** Rows with a value, so a handler's field profile sees them (a row without one is skipped). */
    private static final Object ROW = "row";

    @Test
    void aReaderThatThrowsMidUnitStopsTheRunAndNamesTheUnit() throws Exception {
        RunControl control = new RunControl();
        // a tiny ring so other readers would block forever if the stop were not seen
        EngineSettings s = new EngineSettings(3, 2, 8, 4, WaitKind.BLOCKING);
        RunOutcome<Partial<Object>> o = new RunEngine(s).run(units(6), () -> reader(50_000, 4, 1234), i -> new Partial<>(PARAMS, null, null),
                r -> { }, null, control);
        assertThat(o.complete()).isFalse();
        assertThat(o.stopReason()).isEqualTo(RunControl.StopReason.FAILED);
        assertThat(o.failure().getMessage()).isEqualTo("reader failed on synthetic unit 4: disk read error at byte 123400");
        assertThat(o.units().get(4)).isNull();
        assertNoThreadLeft();
    }

    @Test
    void aHandlerThatThrowsStopsTheRunWithoutHangingTheReaders() throws Exception {
        RunControl control = new RunControl();
        EngineSettings s = new EngineSettings(2, 2, 4, 4, WaitKind.BLOCKING);
        RunOutcome<Partial<Object>> o = new RunEngine(s).run(units(4), () -> reader(20_000, -1, -1),
                i -> new Partial(PARAMS, null, i == 1 ? throwingAfter(500) : null), r -> { }, null, control);
        assertThat(o.complete()).isFalse();
        assertThat(o.failure().getMessage()).startsWith("ringsift-handler-1 failed on synthetic unit ")
                .contains("ring sequence").endsWith(": profile exploded");
        assertNoThreadLeft();
    }

    @Test
    void aCleanRunCountsEveryRecordOnceWhateverTheHandlerCount() throws Exception {
        for (int h : new int[] {1, 2, 5}) {
            RunControl control = new RunControl();
            EngineSettings s = new EngineSettings(3, h, 64, 16, WaitKind.BLOCKING);
            RunOutcome<Partial<Object>> o = new RunEngine(s).run(units(7), () -> reader(10_000, -1, -1), i -> new Partial<>(PARAMS, null, null),
                    r -> { }, null, control);
            assertThat(o.complete()).isTrue();
            assertThat(Reducer.merge(o.states()).records()).isEqualTo(70_000);
            assertThat(o.units()).allSatisfy(u -> assertThat(u.records()).isEqualTo(10_000));
        }
        assertNoThreadLeft();
    }

    @Test
    void aStopRequestEndsTheRunIncompleteButOrderly() throws Exception {
        RunControl control = new RunControl();
        EngineSettings s = new EngineSettings(2, 1, 16, 8, WaitKind.BLOCKING);
        UnitReader<Unit, Object> slow = (u, sink, rejects) -> {
            control.requestStop(RunControl.StopReason.INTERRUPTED);
            return reader(1000, -1, -1).read(u, sink, rejects);
        };
        RunOutcome<Partial<Object>> o = new RunEngine(s).run(units(100), () -> slow, i -> new Partial<>(PARAMS, null, null), r -> { }, null, control);
        assertThat(o.stopReason()).isEqualTo(RunControl.StopReason.INTERRUPTED);
        assertThat(o.units().stream().filter(Objects::nonNull)).isEmpty();
        assertNoThreadLeft();
    }

}
