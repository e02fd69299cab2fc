package io.ringsift.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;

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
}
