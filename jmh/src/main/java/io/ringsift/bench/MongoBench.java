package io.ringsift.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCursor;
import io.ringsift.cli.Main;
import io.ringsift.generate.GeneratorFormat;
import io.ringsift.generate.GeneratorResult;
import io.ringsift.generate.GeneratorSpec;
import io.ringsift.generate.SyntheticData;
import io.ringsift.source.mongo.EmbeddedMongo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.bson.RawBsonDocument;

/**
 * The Mongo side of the bench: one embedded server (mongo-java-server, memory backend) loaded with
 * N generated documents, then, alternating in rounds after a warm-up round:
 * <pre>
 *   drain   a bare single cursor over the whole collection through the driver (RawBsonDocument)
 *   r1      ringsift ingest mongo --readers 1 --handlers 1
 *   r2      ringsift ingest mongo --readers 2 --handlers 1
 *   r2p2    ringsift ingest mongo --readers 2 --handlers 1 --partitions 2
 * </pre>
 * Everything runs in this JVM against the same server, so the server's own work (it has no range
 * index: every partition query scans the collection) shares the two cores with the readers.
 * Prints medians and ratios to the bare drain. Usage: {@code MongoBench DOCS ROUNDS}.
 */
public final class MongoBench {
    public static void main(String[] args) throws Exception {
        long docs = args.length > 0 ? Long.parseLong(args[0]) : 200_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path work = Files.createTempDirectory("ringsift-mongo-bench");
        Path jsonl = work.resolve("bench.jsonl");
        GeneratorResult g = SyntheticData.write(GeneratorFormat.JSONL, new GeneratorSpec(docs, 0.2, 8, 1), jsonl);
        System.out.printf(Locale.ROOT, "generated %s: %s%n", jsonl, g.summary());
        try (EmbeddedMongo server = EmbeddedMongo.start()) {
            long t0 = System.nanoTime();
            String coll = server.load(jsonl);
            System.out.printf(Locale.ROOT, "loaded %,d documents into the embedded server in %.1f s%n", docs, (System.nanoTime() - t0) / 1e9);
            String uri = server.connectionString();
            Map<String, List<Double>> seconds = new LinkedHashMap<>();
            for (int round = 0; round <= rounds; round++) {
                measure(seconds, round, "drain", () -> drain(uri, coll, docs));
                measure(seconds, round, "r1", () -> ingest(uri, coll, work, docs, "--readers", "1", "--handlers", "1"));
                measure(seconds, round, "r2", () -> ingest(uri, coll, work, docs, "--readers", "2", "--handlers", "1"));
                measure(seconds, round, "r2p2", () -> ingest(uri, coll, work, docs, "--readers", "2", "--handlers", "1", "--partitions", "2"));
            }
            double base = median(seconds.get("drain"));
            System.out.printf(Locale.ROOT, "%n| program | median s | docs/s | vs drain |%n|---|---|---|---|%n");
            for (var e : seconds.entrySet()) {
                double m = median(e.getValue());
                System.out.printf(Locale.ROOT, "| %s | %.2f | %,.0f | %.2fx |%n", e.getKey(), m, docs / m, base / m);
            }
        }
    }

    interface Run {
        void run() throws Exception;
    }

    private static void measure(Map<String, List<Double>> into, int round, String name, Run r) throws Exception {
        long t = System.nanoTime();
        r.run();
        double s = (System.nanoTime() - t) / 1e9;
        System.out.printf(Locale.ROOT, "round %d %-5s %.2f s%n", round, name, s);
        if (round > 0) {
            into.computeIfAbsent(name, k -> new ArrayList<>()).add(s);
        }
    }

    private static void drain(String uri, String coll, long expected) {
        long n = 0;
        try (MongoClient c = MongoClients.create(uri);
             MongoCursor<RawBsonDocument> cur = c.getDatabase(EmbeddedMongo.DATABASE).getCollection(coll, RawBsonDocument.class)
                     .find().batchSize(1000).iterator()) {
            while (cur.hasNext()) {
                cur.next();
                n++;
            }
        }
        check("drain", n, expected);
    }

    private static void ingest(String uri, String coll, Path work, long expected, String... extra) throws Exception {
        Path out = Files.createTempDirectory(work, "out");
        List<String> a = new ArrayList<>(List.of("ingest", "mongo", "--uri", uri, "--db", EmbeddedMongo.DATABASE,
                "--collection", coll, "--key", "key", "--out", out.toString(), "--quiet"));
        a.addAll(List.of(extra));
        int code = Main.run(a.toArray(new String[0]));
        if (code != 0) {
            throw new IllegalStateException("ingest mongo exited " + code);
        }
        long records = new ObjectMapper().readTree(out.resolve("report.json").toFile()).get("records").asLong();
        check("ingest " + String.join(" ", extra), records, expected);
    }

    private static void check(String what, long got, long expected) {
        if (got != expected) {
            throw new IllegalStateException(what + " read " + got + " documents, expected " + expected);
        }
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
