package io.ringsift.jmh;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.ringsift.key.KeyHash;
import io.ringsift.record.RecordBatch;
import io.ringsift.engine.BatchPublisher;
import io.ringsift.engine.RingEvent;
import io.ringsift.engine.WaitKind;
import io.ringsift.engine.EngineSettings;
import io.ringsift.engine.RunControl;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Per-row cost of the ring itself: hand-off + routing, amortised over the batch, as a function of
 * rows per slot and of the handlers' wait strategy.
 *
 * <pre>
 *   JMH thread (producer) ──► Disruptor, {@value EngineSettings#DEFAULT_RING} slots ──► H RouteOnly handlers
 *   fills batches,             of RecordBatch(batchSize)                              take rows with
 *   publishes                                                                         KeyHash.partition(hi, H) == i
 * </pre>
 *
 * One invocation pushes {@value #ROWS} rows and returns once every handler has passed the last
 * slot, so the figure is ns per row end to end (producer, ring, wake-ups, routing), not just the
 * producer's side.
 *
 * <pre>
 *   swapPublish       the real reader path: RecordBatch.add per row, then BatchPublisher.publish
 *                     (claim a slot, swap batches, progress counters, reset)
 *   prefilledPublish  slots filled once in setup; the producer only claims and publishes: the ring's
 *                     own cost + routing, without the per-row add
 * </pre>
 * Counts are checked: every handler must have routed exactly its share of the rows (a benchmark
 * that lost rows would look fast).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Benchmark)
public class RingHandoffBench {
    /**
     * Rows per invocation: 16× what the ring holds at the largest batch (64 × 2048 = 2^17), so the
     * producer wraps the ring many times and meets backpressure, as in a real run. With fewer rows
     * than the ring holds, the producer never waits and the large batch sizes look unfairly cheap.
     */
    static final int ROWS = 1 << 21;
    /** Distinct precomputed hashes, reused cyclically (2 × 512 KiB: stays in cache). */
    static final int DATA = 1 << 15;
    private static final String[] ROW = {"k", "v"};

    @Param({"1", "64", "512", "2048"})
    public int batchSize;

    @Param({"BLOCKING", "YIELDING", "SLEEPING"})
    public WaitKind wait;

    @Param({"1", "2"})
    public int handlers;

    Disruptor<RingEvent> disruptor;
    RingBuffer<RingEvent> ring;
    RouteOnly[] routers;
    BatchPublisher publisher;
    long[] lo = new long[DATA];
    long[] hi = new long[DATA];
    long[] expectedPerHandler;
    long invocations;

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < DATA; i++) {
            lo[i] = r.nextLong();
            hi[i] = r.nextLong();
        }
        int slots = EngineSettings.DEFAULT_RING;
        disruptor = new Disruptor<>(() -> new RingEvent(batchSize), slots, runnable -> {
            Thread t = new Thread(runnable, "route-handler");
            t.setDaemon(true);
            return t;
        }, ProducerType.SINGLE, wait.strategy());
        routers = new RouteOnly[handlers];
        expectedPerHandler = new long[handlers];
        for (int i = 0; i < handlers; i++) {
            routers[i] = new RouteOnly(i, handlers);
        }
        for (int i = 0; i < ROWS; i++) {
            expectedPerHandler[KeyHash.partition(hi[i & (DATA - 1)], handlers)]++;
        }
        disruptor.handleEventsWith(routers);
        ring = disruptor.start();
        // every slot's batch pre-filled for prefilledPublish (swapPublish refills what it gets back anyway)
        for (int s = 0; s < slots; s++) {
            fill(ring.get(s).batch(), s * batchSize);
        }
        publisher = new BatchPublisher(ring, batchSize, new RunControl(), null);
    }

    private void fill(RecordBatch b, int from) {
        b.reset(0);
        for (int i = 0; i < batchSize; i++) {
            int k = (from + i) & (DATA - 1);
            b.add(lo[k], hi[k], k, ROW, null);
        }
    }

    @TearDown
    public void tearDown() {
        disruptor.halt();
    }

    /** Waits until every handler has consumed everything published so far. */
    private void drain() {
        long last = ring.getCursor();
        while (ring.getMinimumGatingSequence() < last) {
            Thread.yield();
        }
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void swapPublish() {
        for (RouteOnly r : routers) {
            r.routed = 0;
        }
        BatchPublisher p = publisher;
        for (int i = 0; i < ROWS; i++) {
            int k = i & (DATA - 1);
            if (p.batch().add(lo[k], hi[k], i, ROW, null)) {
                p.publish(0);
            }
        }
        p.publish(0);
        drain();
        check();
    }

    @Benchmark
    @OperationsPerInvocation(ROWS)
    public void prefilledPublish() {
        for (RouteOnly r : routers) {
            r.routed = 0;
        }
        int slotsNeeded = (ROWS + batchSize - 1) / batchSize;
        for (int s = 0; s < slotsNeeded; s++) {
            long seq = ring.next();
            ring.publish(seq);
        }
        drain();
        // each slot holds batchSize rows; with the last slot full the handlers saw slotsNeeded * batchSize rows
        long total = 0;
        for (RouteOnly r : routers) {
            total += r.routed;
        }
        if (total != (long) slotsNeeded * batchSize) {
            throw new IllegalStateException("routed " + total + " rows, expected " + (long) slotsNeeded * batchSize);
        }
    }

    private void check() {
        for (int i = 0; i < handlers; i++) {
            if (routers[i].routed != expectedPerHandler[i]) {
                throw new IllegalStateException("handler " + i + " routed " + routers[i].routed + " rows, expected " + expectedPerHandler[i]);
            }
        }
    }

    /** A handler that only routes: the rows of its partition are counted and their lo folded, nothing else. */
    static final class RouteOnly implements EventHandler<RingEvent> {
        final int index;
        final int partitions;
        volatile long routed;
        long acc;

        RouteOnly(int index, int partitions) {
            this.index = index;
            this.partitions = partitions;
        }

        @Override
        public void onEvent(RingEvent event, long sequence, boolean endOfBatch) {
            RecordBatch b = event.batch();
            long[] h = b.hashHi;
            long[] l = b.hashLo;
            long n = 0;
            long a = acc;
            for (int r = 0, size = b.size(); r < size; r++) {
                if (KeyHash.partition(h[r], partitions) == index) {
                    n++;
                    a += l[r];
                }
            }
            acc = a;
            routed += n;
        }
    }
}
