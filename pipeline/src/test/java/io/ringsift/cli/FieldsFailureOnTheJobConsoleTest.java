package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.source.mongo.EmbeddedMongo;
import io.ringsift.source.mongo.FaultProxy;
import io.ringsift.testing.Cli;
import io.ringsift.testing.NoThreadsLeft;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fields} runs on the same console and failure path as {@code ingest}: a server that goes
 * away mid-run (without {@code -q}) is exit 3 and one line on stderr, with no table on stdout and no
 * {@code --json} file that would look complete.
 */
@Timeout(120)
class FieldsFailureOnTheJobConsoleTest {
    @TempDir
    Path dir;

    @Test
    void aServerGoneMidRunIsOneLineExit3AndNoOutput() throws Exception {
        Path f = dir.resolve("orders.jsonl");
        assertThat(Cli.run("generate", "jsonl", "--rows", 20_000, "--dup-rate", 0.1, "--seed", 7, "-o", f).exitCode()).isZero();
        Path json = dir.resolve("fields.json");
        try (EmbeddedMongo mongo = EmbeddedMongo.start()) {
            String collection = mongo.load(f);
            try (FaultProxy proxy = new FaultProxy(mongo.port(), 1_500_000, 1).refuseAfterLastCut()) {
                Cli.Run r = Cli.run("fields", "--uri", proxy.connectionString(), "--db", EmbeddedMongo.DATABASE,
                        "--collection", collection, "--readers", 2, "--partitions", 4, "--cursor-batch", 200,
                        "--retries", 1, "--server-timeout", 1, "--json", json);
                assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
                assertThat(r.err().strip().lines()).as(r.err()).hasSize(1);
                assertThat(r.err()).startsWith("ringsift: reader failed on ringsift." + collection + " partition ")
                        .doesNotContain("internal error");
                assertThat(r.out()).isEmpty();
                assertThat(json).doesNotExist();
                assertThat(Files.list(dir).map(p -> p.getFileName().toString())).containsExactly("orders.jsonl");
            }
        }
        NoThreadsLeft.check();
    }

    @Test
    void aCompleteRunWritesItsJsonAndTableAsBefore() throws Exception {
        Path f = dir.resolve("orders.jsonl");
        assertThat(Cli.run("generate", "jsonl", "--rows", 500, "--seed", 7, "-o", f).exitCode()).isZero();
        Path json = dir.resolve("fields.json");
        Cli.Run r = Cli.run("fields", "--embedded", f, "--readers", 2, "--json", json);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("500 documents");
        assertThat(Files.readString(json)).contains("\"complete\" : true").contains("\"documents\" : 500");
    }
}
