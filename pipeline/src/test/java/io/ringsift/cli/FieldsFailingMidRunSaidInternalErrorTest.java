package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.source.mongo.EmbeddedMongo;
import io.ringsift.source.mongo.FaultProxy;
import io.ringsift.testing.Cli;
import io.ringsift.testing.NoThreadsLeft;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 14): {@code fields} on Mongo failing mid-run printed "internal error ...
 * please report" with a stack trace. A server that goes away is an input error: one line naming
 * the partition, exit 3.
 */
@Timeout(120)
class FieldsFailingMidRunSaidInternalErrorTest {
    @TempDir
    Path dir;

    @Test
    void aServerThatGoesAwayIsOneLineAndExit3() throws Exception {
        Path f = dir.resolve("orders.jsonl");
        assertThat(Cli.run("generate", "jsonl", "--rows", 20_000, "--dup-rate", 0.1, "--seed", 5, "-o", f).exitCode()).isZero();
        try (EmbeddedMongo mongo = EmbeddedMongo.start()) {
            String collection = mongo.load(f);
            try (FaultProxy proxy = new FaultProxy(mongo.port(), 1_500_000, 1).refuseAfterLastCut()) {
                Cli.Run r = Cli.run("fields", "-q", "--uri", proxy.connectionString(), "--db", EmbeddedMongo.DATABASE,
                        "--collection", collection, "--readers", 2, "--partitions", 4, "--cursor-batch", 200,
                        "--retries", 1, "--server-timeout", 1);
                assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
                assertThat(r.err()).doesNotContain("internal error").doesNotContain("please report").doesNotContain("\tat ");
                assertThat(r.err().strip().lines()).hasSize(1);
                assertThat(r.err()).containsPattern("ringsift: reader failed on ringsift\\." + collection + " partition \\d+ _id ");
            }
        }
        NoThreadsLeft.check();
    }
}
