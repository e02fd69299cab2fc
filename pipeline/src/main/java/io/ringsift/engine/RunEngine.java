package io.ringsift.engine;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.EventHandlerIdentity;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventHandlerGroup;
import com.lmax.disruptor.dsl.ProducerType;
import io.ringsift.partial.RowConsumer;
import io.ringsift.record.RejectSink;
import io.ringsift.source.UnitReader;
import io.ringsift.source.UnitResult;
import io.ringsift.source.WorkUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * Runs one job through the pipeline:
 * <pre>
 *   units queue ──► reader threads (R) ──► ring (Disruptor) ──► hasher handlers (H) ──► [after] ──► states
 *                   parse + key hash        batch slots         own key partition      check writer   (the caller
 *                                                                                                     reduces them)
 * </pre>
 * Shutdown is orderly: readers finish (or see the stop flag after their current batch), the ring
 * drains, handlers hand their partials to the reducer. A failure anywhere is recorded once, stops
 * the readers, and is returned; no thread is left running (all are daemons and all are joined or
 * halted with a bound).
 */
public final class RunEngine {
    private static final long DRAIN_TIMEOUT_SECONDS = 60;

    private final EngineSettings settings;

    public RunEngine(EngineSettings settings) {
        this.settings = settings;
    }

    /**
     * @param units       work units to read (any subset of a job's units; ids are the job's)
     * @param readerFactory one reader per thread
     * @param partitions  builds handler {@code i}'s state (a {@link io.ringsift.partial.Partial} for an ingest)
     * @param rejects     receives every rejected record (thread-safe)
     * @param after       a sequential stage that sees each batch after all hashers, or null
     */
    public <U extends WorkUnit, R, S extends RowConsumer<? super R>> RunOutcome<S> run(List<U> units,
            Supplier<? extends UnitReader<U, R>> readerFactory, IntFunction<S> partitions, RejectSink rejects,
            EventHandler<? super RingEvent<R>> after, RunControl control) {
        Map<Integer, Integer> position = new HashMap<>();
        for (int i = 0; i < units.size(); i++) {
            position.put(units.get(i).id(), i);
        }
        int h = settings.handlers();
        int batch = settings.batchSize();
        Disruptor<RingEvent<R>> disruptor = new Disruptor<>(() -> new RingEvent<>(batch), settings.ringSize(),
                daemonThreads("ringsift-handler"),
                settings.readers() == 1 ? ProducerType.SINGLE : ProducerType.MULTI, settings.waitKind().strategy());
        int readerCount = Math.max(1, Math.min(settings.readers(), units.size()));
        HandlerClock clock = new HandlerClock(h, readerCount);
        List<HasherHandler<R, S>> hashers = new ArrayList<>();
        for (int i = 0; i < h; i++) {
            hashers.add(new HasherHandler<>(i, h, partitions.apply(i), control, clock));
        }
        disruptor.setDefaultExceptionHandler(new FailOnException<>(units, position, control));
        @SuppressWarnings("unchecked")
        EventHandlerGroup<RingEvent<R>> group = disruptor.handleEventsWith(hashers.toArray(new HasherHandler[0]));
        if (after != null) {
            group.then(after);
        }
        // made before the handler threads start: a factory that throws (OutOfMemoryError in --exact's
        // second pass) must not leave them running (FailureAfterReadingHadNoReportTest)
        List<UnitReader<U, R>> unitReaders = new ArrayList<>();
        for (int i = 0; i < readerCount; i++) {
            unitReaders.add(readerFactory.get());
        }
        RingBuffer<RingEvent<R>> ring = disruptor.start();

        ConcurrentLinkedQueue<U> queue = new ConcurrentLinkedQueue<>(units);
        AtomicReferenceArray<UnitResult> results = new AtomicReferenceArray<>(units.size());
        List<Thread> readers = new ArrayList<>();
        for (int i = 0; i < readerCount; i++) {
            BatchPublisher<R> publisher = new BatchPublisher<>(ring, batch, control, clock);
            UnitReader<U, R> reader = unitReaders.get(i);
            Thread t = new Thread(() -> readUnits(queue, reader, publisher, rejects, results, position, control), "ringsift-reader-" + i);
            t.setDaemon(true);
            t.setUncaughtExceptionHandler((th, e) -> control.fail(new RunFailure(th.getName(), null, e)));
            readers.add(t);
        }
        readers.forEach(Thread::start);
        joinAll(readers, control);
        List<EventHandlerIdentity> consumers = new ArrayList<>(hashers);
        if (after != null) {
            consumers.add(after);
        }
        if (!drain(disruptor, ring.getCursor(), consumers)) {
            control.fail(new RunFailure("ring", null, new IllegalStateException("handlers did not drain the ring within " + DRAIN_TIMEOUT_SECONDS + " s")));
        }
        disruptor.halt();
        List<S> states = hashers.stream().map(HasherHandler::state).toList();
        List<UnitResult> unitResults = new ArrayList<>();
        for (int i = 0; i < results.length(); i++) {
            unitResults.add(results.get(i));
        }
        RunControl.StopReason reason = control.stopReason();
        if (reason == null && unitResults.stream().anyMatch(r -> r == null)) {
            reason = RunControl.StopReason.FAILED;
        }
        return new RunOutcome<>(states, unitResults, reason, control.failure(), control.progress().elapsedNanos());
    }

    private static <U extends WorkUnit, R> void readUnits(ConcurrentLinkedQueue<U> queue, UnitReader<U, R> reader,
                                                       BatchPublisher<R> publisher, RejectSink rejects,
                                                       AtomicReferenceArray<UnitResult> results,
                                                       Map<Integer, Integer> position, RunControl control) {
        U unit;
        while (!control.stopRequested() && (unit = queue.poll()) != null) {
            try {
                UnitResult r = reader.read(unit, publisher, rejects);
                if (!control.stopRequested()) {
                    results.set(position.get(unit.id()), r);
                }
            } catch (Throwable e) {
                control.fail(new RunFailure("reader", unit.describe(), e));
                return;
            }
        }
    }

    /**
     * Waits until every consumer has processed everything up to {@code cursor}. Not
     * {@code Disruptor.shutdown()}: its backlog check skips processors whose thread has not started
     * yet, then halts them, so a short run could finish before a handler ran and lose its records
     * (RecordsLostWhenHandlersStartAfterTheReadersFinishTest).
     */
    private static boolean drain(Disruptor<?> disruptor, long cursor, List<EventHandlerIdentity> consumers) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DRAIN_TIMEOUT_SECONDS);
        for (EventHandlerIdentity c : consumers) {
            while (disruptor.getSequenceValueFor(c) < cursor) {
                if (System.nanoTime() > deadline) {
                    return false;
                }
                LockSupport.parkNanos(100_000);
            }
        }
        return true;
    }

    private static void joinAll(List<Thread> threads, RunControl control) {
        for (Thread t : threads) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    // an interrupt of the main thread means "stop": readers see the flag after their batch
                    control.requestStop(RunControl.StopReason.INTERRUPTED);
                }
            }
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.getAndIncrement());
            t.setDaemon(true);
            return t;
        };
    }

    /** The one place a failed batch goes: record the failure with the unit it came from, keep the ring moving. */
    private static final class FailOnException<U extends WorkUnit> implements ExceptionHandler<RingEvent<?>> {
        private final List<U> units;
        private final Map<Integer, Integer> position;
        private final RunControl control;

        FailOnException(List<U> units, Map<Integer, Integer> position, RunControl control) {
            this.units = units;
            this.position = position;
            this.control = control;
        }

        @Override
        public void handleEventException(Throwable ex, long sequence, RingEvent<?> event) {
            Integer at = position.get(event.batch().unitId());
            String where = at != null ? units.get(at).describe() + " (ring sequence " + sequence + ")" : "ring sequence " + sequence;
            control.fail(new RunFailure(Thread.currentThread().getName(), where, ex));
        }

        @Override
        public void handleOnStartException(Throwable ex) {
            control.fail(new RunFailure("handler start", null, ex));
        }

        @Override
        public void handleOnShutdownException(Throwable ex) {
            control.fail(new RunFailure("handler shutdown", null, ex));
        }
    }
}
