package io.ringsift.cli;

import io.ringsift.job.MongoInput;
import io.ringsift.key.KeySpec;
import io.ringsift.source.mongo.EmbeddedMongo;
import io.ringsift.source.mongo.MongoConnection;
import io.ringsift.source.mongo.MongoPartitionReader;
import io.ringsift.source.mongo.PartitionPlanner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.bson.BsonDocument;
import picocli.CommandLine.Option;

/** Where the collection is and how to read it; the one place a command opens and plans a collection. */
final class MongoOptions {
    @Option(names = "--uri", paramLabel = "URI", description = "MongoDB connection string, e.g. mongodb://host:27017.")
    String uri;

    @Option(names = "--db", paramLabel = "D", description = "Database name (default with --embedded: " + EmbeddedMongo.DATABASE + ").")
    String db;

    @Option(names = "--collection", paramLabel = "C", description = "Collection name (default with --embedded: the file's name).")
    String collection;

    @Option(names = "--embedded", paramLabel = "FILE.jsonl",
            description = "Start an in-process MongoDB wire-protocol server on a free port, load this Extended JSON file into it, and read it through the driver.")
    Path embedded;

    @Option(names = "--query", paramLabel = "JSON", description = "Only documents matching this filter (Extended JSON), e.g. '{\"status\": \"active\"}'.")
    String query;

    @Option(names = "--partitions", paramLabel = "N", description = "_id ranges to cut the collection into (default: 4 x readers).")
    Integer partitions;

    @Option(names = "--max-rate", paramLabel = "DOCS_PER_S", description = "Throttle all readers together to this many documents per second.")
    Double maxRate;

    @Option(names = "--cursor-batch", paramLabel = "N", defaultValue = "1000", description = "Documents per cursor batch (default: ${DEFAULT-VALUE}).")
    int cursorBatch;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "5",
            description = "Reopen a partition's cursor this many times after a transient error (default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--server-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "Give up on an unreachable server after this long (default: ${DEFAULT-VALUE}).")
    int serverTimeout;

    @Option(names = "--socket-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "A server that stops answering a read for this long is a transient error: the cursor is reopened"
                    + " after the last _id, up to --retries times (default: ${DEFAULT-VALUE}; 0 = wait for ever).")
    int socketTimeout;

    BsonDocument queryDocument() {
        if (query == null) {
            return new BsonDocument();
        }
        try {
            return BsonDocument.parse(query);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("--query is not a JSON document: " + MongoConnection.firstLine(e.getMessage()));
        }
    }

    /**
     * Connects (starting and loading the embedded server for {@code --embedded}).
     *
     * @param stop ends an embedded load early (an interrupt)
     * @param err  where to say that a big {@code --embedded} file is being loaded, or null
     */
    MongoSession open(BooleanSupplier stop, PrintWriter err) {
        return MongoSession.open(this, stop, err);
    }

    /**
     * Cuts the collection (or its {@code --query} subset) into {@code --partitions} {@code _id}
     * ranges, 4 x readers by default, and returns the input a job reads.
     *
     * @param streamed gets each field path the first time a handler sees it, or null
     */
    MongoInput plan(MongoSession session, KeySpec key, int readers, int depth, Consumer<String> streamed) {
        int target = partitions != null ? partitions : readers * 4;
        PartitionPlanner.Plan plan = new PartitionPlanner(session.client, session.collection).plan(target, queryDocument());
        return new MongoInput(session.namespace, session.collection, plan, key, readerOptions(), depth, streamed);
    }

    MongoConnection.Options connectionOptions() {
        // without a read timeout a server that accepts and then never answers would hold a reader for ever
        return new MongoConnection.Options(Duration.ofSeconds(serverTimeout), MongoConnection.Options.DEFAULTS.connect(),
                Duration.ofSeconds(socketTimeout));
    }

    MongoPartitionReader.Options readerOptions() {
        return new MongoPartitionReader.Options(cursorBatch, retries, MongoPartitionReader.Options.DEFAULTS.backoff(),
                maxRate == null ? null : MongoPartitionReader.Options.maxRate(maxRate));
    }

    void validate() {
        if (embedded == null && (uri == null || db == null || collection == null)) {
            throw new IllegalArgumentException("give --uri, --db and --collection, or --embedded FILE.jsonl");
        }
        if (embedded != null && uri != null) {
            throw new IllegalArgumentException("--embedded and --uri are alternatives: give one");
        }
        if (maxRate != null && !(maxRate > 0)) {
            throw new IllegalArgumentException("--max-rate (" + maxRate + ") must be > 0");
        }
        if (partitions != null && partitions < 1) {
            throw new IllegalArgumentException("--partitions (" + partitions + ") must be >= 1");
        }
        queryDocument();
    }
}
