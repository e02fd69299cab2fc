package io.ringsift.source.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class MongoConnectionTest {

    @Test
    void unreachableServerFailsFastWithOneLineNamingTheHost() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();   // free, and closed again: nothing listens there
        }
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> MongoConnection.open("mongodb://127.0.0.1:" + port,
                MongoConnection.Options.DEFAULTS.withServerSelection(Duration.ofSeconds(1))))
                .isInstanceOf(MongoSourceException.class)
                .hasMessage("cannot reach MongoDB at 127.0.0.1:" + port + " within 1 s");
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void badUriIsOneLineWithoutThePassword() {
        assertThatThrownBy(() -> MongoConnection.open("mongodb://bob:secret@host:notaport/db"))
                .isInstanceOf(MongoSourceException.class)
                .hasMessageStartingWith("invalid MongoDB URI 'mongodb://***@host:notaport/db'")
                .hasMessageNotContaining("secret")
                .hasMessageNotContaining("\n");
    }

    @Test
    void unknownCollectionListsWhatExists() {
        try (EmbeddedMongo mongo = EmbeddedMongo.start(); MongoClient client = MongoConnection.open(mongo.connectionString())) {
            client.getDatabase("shop").createCollection("orders");
            client.getDatabase("shop").createCollection("customers");
            assertThatThrownBy(() -> MongoConnection.collection(client, "shop", "order"))
                    .isInstanceOf(MongoSourceException.class)
                    .hasMessage("collection 'order' not found; collections in 'shop': customers, orders");
            assertThatThrownBy(() -> MongoConnection.collection(client, "nope", "orders"))
                    .hasMessage("collection 'orders' not found; database 'nope' has no collections (does it exist?)");
        }
    }
}
