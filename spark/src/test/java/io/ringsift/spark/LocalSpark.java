package io.ringsift.spark;

import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.apache.spark.SparkConf;
import org.apache.spark.Success$;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * One Spark context in local mode for all tests of this module (starting one takes seconds).
 * {@code local[2,2]}: two task threads, and a failed task is tried twice in all, so the retry test
 * sees Spark's own retry. Bound to loopback; no UI.
 */
final class LocalSpark {
    private static JavaSparkContext sc;

    private LocalSpark() {
    }

    static synchronized JavaSparkContext context() {
        if (sc == null) {
            SparkConf conf = new SparkConf().setMaster("local[2,2]").setAppName("ringsift-spark-tests")
                    .set("spark.ui.enabled", "false")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.default.parallelism", "2");
            sc = new JavaSparkContext(conf);
            sc.setLogLevel("WARN");
            Runtime.getRuntime().addShutdownHook(new Thread(sc::stop, "stop-local-spark"));
        }
        return sc;
    }

    /** What {@link #runFailingOnce} saw: the job's exit code and the task attempts that failed. */
    record FailingOnce(int exitCode, int failedAttempts) {
    }

    /**
     * Runs {@code job} on the shared context with the first attempt of one map task made to fail
     * ({@code task}: the value {@link MapSide#FAIL_ONCE} takes), and counts the task attempts Spark
     * saw fail, once its listener bus has caught up.
     */
    static FailingOnce runFailingOnce(String task, IntSupplier job) {
        JavaSparkContext sc = context();
        AtomicInteger failed = new AtomicInteger();
        SparkListener failures = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.reason() != Success$.MODULE$) {
                    failed.incrementAndGet();
                }
            }
        };
        sc.sc().addSparkListener(failures);
        sc.setLocalProperty(MapSide.FAIL_ONCE, task);
        try {
            int exit = job.getAsInt();
            sc.sc().listenerBus().waitUntilEmpty(60_000);
            return new FailingOnce(exit, failed.get());
        } catch (TimeoutException e) {
            throw new AssertionError(e);
        } finally {
            sc.setLocalProperty(MapSide.FAIL_ONCE, null);
            sc.sc().removeSparkListener(failures);
        }
    }
}
