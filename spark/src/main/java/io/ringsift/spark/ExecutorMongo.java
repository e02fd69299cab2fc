package io.ringsift.spark;

import com.mongodb.client.MongoClient;
import io.ringsift.source.mongo.MongoConnection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link MongoClient} per executor JVM and connection string, shared by every task that runs
 * there (the client is thread-safe and pools connections, as the local readers share one). Made
 * lazily by the first task that needs it; a failed connect stores nothing, so a retried task tries
 * again. Closed by a JVM shutdown hook when the executor exits.
 */
final class ExecutorMongo {
    private static final Map<String, MongoClient> CLIENTS = new ConcurrentHashMap<>();
    private static boolean hooked;

    private ExecutorMongo() {
    }

    /** The JVM's client for {@code uri} with these settings, connected and pinged (it fails with a one-line {@code MongoSourceException}). */
    static MongoClient client(String uri, MongoConnection.Options options) {
        return CLIENTS.computeIfAbsent(uri + " " + options, k -> {
            hook();
            return MongoConnection.open(uri, options);
        });
    }

    private static synchronized void hook() {
        if (!hooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(ExecutorMongo::closeAll, "ringsift-close-mongo-clients"));
            hooked = true;
        }
    }

    /** Closes every client of this JVM (the shutdown hook; tests, after their server is gone). */
    static void closeAll() {
        CLIENTS.values().forEach(MongoClient::close);
        CLIENTS.clear();
    }
}
