package io.ringsift.source.mongo;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.MongoException;
import com.mongodb.MongoSecurityException;
import com.mongodb.MongoTimeoutException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.RawBsonDocument;

/**
 * Opens the one {@link MongoClient} a run shares (it is thread-safe and pools connections) and
 * checks that it can reach the server and the collection, failing fast with a one-line message.
 *
 * <p>The driver's default server-selection timeout is 30 s and it never connects until the first
 * operation, so a wrong host would hang silently; here both are bounded and a ping is sent at once.
 */
public final class MongoConnection {

    /**
     * @param serverSelection how long to wait for a usable server (driver default 30 s; ours 5 s)
     * @param connect         TCP connect timeout per attempt
     * @param socketRead      read timeout on a socket, or {@link Duration#ZERO} for none (a slow
     *                        {@code getMore} over a selective query may legitimately take minutes)
     */
    public record Options(Duration serverSelection, Duration connect, Duration socketRead) {
        public static final Options DEFAULTS = new Options(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ZERO);

        public Options {
            if (serverSelection.isNegative() || serverSelection.isZero()) {
                throw new IllegalArgumentException("Server selection timeout (" + serverSelection + ") must be > 0");
            }
        }

        public Options withServerSelection(Duration d) {
            return new Options(d, connect, socketRead);
        }
    }

    private MongoConnection() {}

    /** Connects to {@code uri} and pings it; the caller closes the client. */
    public static MongoClient open(String uri, Options options) {
        ConnectionString cs;
        try {
            cs = new ConnectionString(uri);
        } catch (IllegalArgumentException e) {
            throw new MongoSourceException("invalid MongoDB URI '" + redact(uri) + "': " + firstLine(e.getMessage()), e);
        }
        MongoClientSettings settings = MongoClientSettings.builder()
                .applyConnectionString(cs)
                .applyToClusterSettings(b -> b.serverSelectionTimeout(options.serverSelection().toMillis(), TimeUnit.MILLISECONDS))
                .applyToSocketSettings(b -> b
                        .connectTimeout((int) options.connect().toMillis(), TimeUnit.MILLISECONDS)
                        .readTimeout((int) options.socketRead().toMillis(), TimeUnit.MILLISECONDS))
                .build();
        MongoClient client = MongoClients.create(settings);
        try {
            client.getDatabase("admin").runCommand(new BsonDocument("ping", new BsonInt32(1)));
            return client;
        } catch (RuntimeException e) {
            client.close();
            throw unreachable(cs.getHosts(), options.serverSelection(), e);
        }
    }

    public static MongoClient open(String uri) {
        return open(uri, Options.DEFAULTS);
    }

    /**
     * The collection, decoding documents as {@link RawBsonDocument} (no per-field objects). Fails
     * with a message listing what exists when the collection is not there.
     */
    public static MongoCollection<RawBsonDocument> collection(MongoClient client, String db, String collection) {
        MongoDatabase database = client.getDatabase(db);
        List<String> names = database.listCollectionNames().into(new ArrayList<>());
        if (!names.contains(collection)) {
            String what = names.isEmpty()
                    ? "database '" + db + "' has no collections (does it exist?)"
                    : "collections in '" + db + "': " + summary(names);
            throw new MongoSourceException("collection '" + collection + "' not found; " + what);
        }
        return database.getCollection(collection, RawBsonDocument.class);
    }

    static MongoSourceException unreachable(List<String> hosts, Duration timeout, RuntimeException e) {
        String where = String.join(",", hosts);
        if (e instanceof MongoSecurityException) {
            return new MongoSourceException("authentication failed at MongoDB " + where + ": " + firstLine(e.getMessage()), e);
        }
        if (e instanceof MongoTimeoutException) {
            return new MongoSourceException("cannot reach MongoDB at " + where + " within " + seconds(timeout), e);
        }
        String msg = e instanceof MongoException ? firstLine(e.getMessage()) : e.toString();
        return new MongoSourceException("cannot use MongoDB at " + where + ": " + msg, e);
    }

    private static String summary(List<String> names) {
        List<String> sorted = names.stream().sorted().toList();
        int shown = Math.min(sorted.size(), 20);
        String list = String.join(", ", sorted.subList(0, shown));
        return sorted.size() > shown ? list + ", … (" + sorted.size() + " in all)" : list;
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    public static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Never echo a password back into logs or terminals. */
    static String redact(String uri) {
        return uri.replaceAll("//[^/@]*@", "//***@");
    }
}
