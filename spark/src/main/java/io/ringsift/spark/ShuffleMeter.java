package io.ringsift.spark;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.Success$;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * Adds up the shuffle bytes written by successful tasks while installed (a failed attempt's output
 * is thrown away by Spark, so it is not counted): the figure of report.json's {@code spark.shuffleBytes}.
 */
final class ShuffleMeter extends SparkListener {
    private final AtomicLong bytes = new AtomicLong();

    @Override
    public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.reason() == Success$.MODULE$ && end.taskMetrics() != null) {
            bytes.addAndGet(end.taskMetrics().shuffleWriteMetrics().bytesWritten());
        }
    }

    long bytes() {
        return bytes.get();
    }
}
