package io.ringsift.cli;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import io.ringsift.source.mongo.EmbeddedMongo;
import io.ringsift.source.mongo.MongoConnection;
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

    static MongoSession open(MongoOptions o) {
        return open(o, () -> false);
    }

    /** @param stop ends the embedded load early (an interrupt: the job then reads nothing and reports so) */
    static MongoSession open(MongoOptions o, java.util.function.BooleanSupplier stop) {
        EmbeddedMongo server = null;
        String uri = o.uri;
        String db = o.db;
        String coll = o.collection;
        try {
            if (o.embedded != null) {
                if (!java.nio.file.Files.isRegularFile(o.embedded)) {
                    throw new io.ringsift.source.mongo.MongoSourceException(o.embedded + ": no such file");
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
                return new MongoSession(client, c, db + "." + coll, server);
            } catch (RuntimeException e) {
                client.close();
                throw e;
            }
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
