package io.ringsift.source.mongo;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;

/**
 * A MongoDB wire-protocol server inside this JVM (mongo-java-server, memory backend) on a free
 * loopback port. Everything, including {@link #load}, talks to it through the real driver, so a run
 * against it exercises the same code as a run against a real {@code mongod}.
 *
 * <p>What the embedded server lacks, and the source therefore copes without: {@code splitVector},
 * {@code $bucketAuto}, real indexes for range scans (every query scans the collection).
 */
public final class EmbeddedMongo implements AutoCloseable {
    /** MongoDB's document size limit (BSON {@code maxBsonObjectSize}). */
    static final int MAX_DOCUMENT_BYTES = 16 * 1024 * 1024;
    /** The database {@link #load} writes to. */
    public static final String DATABASE = "ringsift";
    private static final int INSERT_BATCH = 1000;

    private final KeepingBackend backend;
    private final int port;
    private MongoServer server;
    private MongoClient client;

    private EmbeddedMongo(KeepingBackend backend, MongoServer server, int port) {
        this.backend = backend;
        this.server = server;
        this.port = port;
    }

    /** Starts a server on 127.0.0.1 and a port the OS picks. */
    public static EmbeddedMongo start() {
        KeepingBackend backend = new KeepingBackend();
        MongoServer server = new MongoServer(backend);
        server.bind("127.0.0.1", 0);   // port 0: the OS picks a free one
        InetSocketAddress addr = server.getLocalAddress();
        return new EmbeddedMongo(backend, server, addr.getPort());
    }

    public int port() {
        return port;
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + port;
    }

    /**
     * Loads a JSON Lines file of Extended JSON v2 documents into {@value #DATABASE}.{@code <file
     * name without extension>}, appending to what is there. Blank lines are skipped.
     *
     * @return the collection name
     * @throws MongoSourceException "{@code <file>:<line>: <problem>}" for a malformed line or a
     *                              duplicate {@code _id}; lines before it stay loaded
     */
    public String load(Path jsonl) {
        return load(jsonl, () -> false);
    }

    /** As {@link #load(Path)}, stopping early (between insert batches) once {@code stop} says so (an interrupt). */
    public String load(Path jsonl, BooleanSupplier stop) {
        String name = jsonl.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String collection = dot > 0 ? name.substring(0, dot) : name;
        load(jsonl, collection, stop);
        return collection;
    }

    /** Loads {@code jsonl} into {@value #DATABASE}.{@code collection}; returns the documents inserted. */
    public long load(Path jsonl, String collection) {
        return load(jsonl, collection, () -> false);
    }

    private long load(Path jsonl, String collection, BooleanSupplier stop) {
        MongoCollection<BsonDocument> coll = client().getDatabase(DATABASE).getCollection(collection, BsonDocument.class);
        List<BsonDocument> batch = new ArrayList<>(INSERT_BATCH);
        long[] lines = new long[INSERT_BATCH];   // source line of each batch entry, to name a failed insert
        long inserted = 0;
        long lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                BsonDocument doc;
                try {
                    doc = BsonDocument.parse(line);
                } catch (RuntimeException e) {   // JsonParseException, BsonInvalidOperationException (not a document)
                    throw new MongoSourceException(jsonl + ":" + lineNo + ": " + MongoConnection.firstLine(e.getMessage()), e);
                }
                lines[batch.size()] = lineNo;
                batch.add(doc);
                if (batch.size() == INSERT_BATCH) {
                    inserted += insert(coll, batch, lines, jsonl);
                    if (stop.getAsBoolean()) {
                        batch.clear();
                        break;
                    }
                }
            }
        } catch (CharacterCodingException e) {
            // the reader decodes ahead of the lines it returns, so lineNo is not where it failed (this said "line 0")
            throw new MongoSourceException(jsonl + ":" + firstInvalidUtf8Line(jsonl) + ": invalid UTF-8 (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jsonl + " (after line " + lineNo + "): " + e.getMessage(), e);
        }
        if (!batch.isEmpty()) {
            inserted += insert(coll, batch, lines, jsonl);
        }
        if (inserted == 0) {
            client().getDatabase(DATABASE).createCollection(collection); // an empty file still makes a (empty) collection
        }
        return inserted;
    }

    private static int insert(MongoCollection<BsonDocument> coll, List<BsonDocument> batch, long[] lines, Path file) {
        try {
            coll.insertMany(batch);
        } catch (MongoBulkWriteException e) {
            var err = e.getWriteErrors().get(0);
            throw new MongoSourceException(file + ":" + lines[err.getIndex()] + ": " + MongoConnection.firstLine(err.getMessage()), e);
        } catch (RuntimeException e) {
            // the driver refuses a document before sending it (over 16 MiB, a NUL in a field name):
            // find which one, so the message names its line instead of "internal error"
            for (int i = 0; i < batch.size(); i++) {
                String problem = unsendable(batch.get(i));
                if (problem != null) {
                    throw new MongoSourceException(file + ":" + lines[i] + ": " + problem, e);
                }
            }
            throw new MongoSourceException(file + ": lines " + lines[0] + "-" + lines[batch.size() - 1] + ": "
                    + MongoConnection.firstLine(String.valueOf(e.getMessage())), e);
        }
        int n = batch.size();
        batch.clear();
        return n;
    }

    /** The first line of {@code file} that is not valid UTF-8 (failure path only: reads the file again). */
    private static long firstInvalidUtf8Line(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            long n = 1;
            for (int b = in.read(); ; b = in.read()) {
                if (b == '\n' || b < 0) {
                    try {
                        StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(line.toByteArray()));
                    } catch (CharacterCodingException bad) {
                        return n;
                    }
                    if (b < 0) {
                        return n;
                    }
                    line.reset();
                    n++;
                } else {
                    line.write(b);
                }
            }
        } catch (IOException e) {
            return 0;
        }
    }

    /** Why the driver cannot send {@code doc}, or null. */
    private static String unsendable(BsonDocument doc) {
        int size;
        try {
            size = new RawBsonDocument(doc, new BsonDocumentCodec()).getByteBuffer().remaining();
        } catch (RuntimeException e) {   // BsonSerializationException: "... contains a null character"
            return "cannot store this document: " + MongoConnection.firstLine(String.valueOf(e.getMessage()));
        }
        return size > MAX_DOCUMENT_BYTES ? "document of " + size + " bytes is over MongoDB's 16 MiB limit" : null;
    }

    /** A client for loading and inspection; closed with this server. */
    public synchronized MongoClient client() {
        if (client == null) {
            client = MongoConnection.open(connectionString());
        }
        return client;
    }

    /**
     * Drops every client connection and stops listening; the data stays in memory. Used by fault
     * tests: a reader mid-cursor sees its socket closed, as when a real server goes away.
     */
    public synchronized void stop() {
        if (server != null) {
            server.shutdownNow();   // closes the backend too, which KeepingBackend ignores
            server = null;
        }
    }

    /** Listens again on the same port, with the same data. */
    public synchronized void restart() {
        if (server == null) {
            MongoServer s = new MongoServer(backend);
            s.bind("127.0.0.1", port);
            server = s;
        }
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
            client = null;
        }
        stop();
        backend.reallyClose();
    }

    /**
     * MongoServer.shutdownNow() closes its backend, and the memory backend's close() forgets every
     * database. Ignoring that close lets a new MongoServer serve the same data after a restart.
     */
    private static final class KeepingBackend extends MemoryBackend {
        private volatile boolean closing;

        @Override
        public void close() {
            if (closing) {
                super.close();
            }
        }

        void reallyClose() {
            closing = true;
            close();
        }
    }
}
