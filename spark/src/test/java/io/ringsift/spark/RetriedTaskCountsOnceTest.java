package io.ringsift.spark;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.cli.Main;
import java.io.IOException;
import java.nio.file.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A map task that dies half-way through handing its output to the shuffle (as on a lost executor)
 * is run again by Spark; the figures travel with the shuffle output and rejects are rewritten per
 * chunk, so nothing is counted twice: the run still equals the local one.
 */
class RetriedTaskCountsOnceTest {
    @TempDir
    Path dir;

    @Test
    void aTaskThatFailsOnceIsRetriedWithoutDoubleCounting() throws IOException {
        Path file = TestCsv.write(dir, "r.csv", 7, 3000, 2000);
        Path local = dir.resolve("local");
        assertThat(Main.run("ingest", "csv", "--key", "id", "--out", local.toString(), "--expected-keys", "3000", "-q",
                file.toString())).isZero();

        JavaSparkContext sc = LocalSpark.context();
        Path spark = dir.resolve("spark");
        LocalSpark.FailingOnce run = LocalSpark.runFailingOnce("1", () -> SparkMain.run(sc, "ingest", "csv", "--key", "id", "--out",
                spark.toString(), "--expected-keys", "3000", "--chunk-size", "20000", "--partitions", "3", "-q", file.toString()));
        assertThat(run.exitCode()).isZero();
        assertThat(run.failedAttempts()).as("failed task attempts").isEqualTo(1);
        Outputs.assertSame(spark, local);
    }
}
