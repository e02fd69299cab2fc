package io.ringsift.cli;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import io.ringsift.source.mongo.EmbeddedMongo;
import io.ringsift.source.mongo.MongoConnection;
import io.ringsift.source.mongo.MongoSourceException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.bson.RawBsonDocument;

/**
 * The one {@link MongoClient} of a command (thread-safe, pooled, shared by all readers), and the
 * embedded server behind it when {@code --embedded} was given. Closing it closes both.
 */
final class MongoSession implements AutoCloseable {
    final MongoClient client;
    final MongoCollection<RawBsonDocument> collection;
    final String namespace;
    private final EmbeddedMongo embedded;

    private MongoSession(MongoClient client, MongoCollection<RawBsonDocument> collection, String namespace, EmbeddedMongo embedded) {
        this.client = client;
        this.collection = collection;
        this.namespace = namespace;
        this.embedded = embedded;
    }

    /** Files smaller than this load silently. */
    private static final long LOUD_BYTES = 1 << 20;

    /**
     * @param stop ends the embedded load early (an interrupt: the job then reads nothing and reports so)
     * @param err  where to say that an {@code --embedded} file (over a few MB) is being loaded and how
     *             long it took (that time is not in the job's timing, which starts when reading starts), or null;
     *             given where the progress line would be shown (a terminal, or {@code --progress}), so
     *             an error stays the one line on stderr in scripts
     */
    static MongoSession open(MongoOptions o, BooleanSupplier stop, PrintWriter err) {
        EmbeddedMongo server = null;
        long loadStart = System.nanoTime();
        String uri = o.uri;
        String db = o.db;
        String coll = o.collection;
        try {
            if (o.embedded != null) {
                if (!Files.isRegularFile(o.embedded)) {
                    throw new MongoSourceException(o.embedded + ": no such file");
                }
                // a file that loads in a blink needs no word; a big one would otherwise be seconds of silence
                if (err != null && Files.size(o.embedded) < LOUD_BYTES) {
                    err = null;
                }
                if (err != null) {
                    err.printf(Locale.ROOT, "ringsift: loading %s (%,.1f MB) into the embedded MongoDB server (ingest jsonl / fields FILE read it directly)...%n", o.embedded,
                            Files.size(o.embedded) / 1e6);
                    err.flush();
                }
                server = EmbeddedMongo.start();
                String loaded = server.load(o.embedded, stop);
                uri = server.connectionString();
                db = db != null ? db : EmbeddedMongo.DATABASE;
                coll = coll != null ? coll : loaded;
            }
            MongoClient client = MongoConnection.open(uri, o.connectionOptions());
            try {
                MongoCollection<RawBsonDocument> c = MongoConnection.collection(client, db, coll);
                if (server != null && err != null) {
                    err.printf(Locale.ROOT, "ringsift: loaded %,d documents in %.1f s (not counted in the run's time)%n",
                            c.estimatedDocumentCount(), (System.nanoTime() - loadStart) / 1e9);
                    err.flush();
                }
                return new MongoSession(client, c, db + "." + coll, server);
            } catch (RuntimeException e) {
                client.close();
                throw e;
            }
        } catch (IOException e) {
            if (server != null) {
                server.close();
            }
            throw new UncheckedIOException(o.embedded + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (server != null) {
                server.close();
            }
            throw e;
        }
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
