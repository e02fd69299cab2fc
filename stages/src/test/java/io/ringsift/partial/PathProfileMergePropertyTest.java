package io.ringsift.partial;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.LongStream;
import org.bson.BsonArray;
import org.bson.BsonBoolean;
import org.bson.BsonDateTime;
import org.bson.BsonDocument;
import org.bson.BsonDouble;
import org.bson.BsonInt32;
import org.bson.BsonInt64;
import org.bson.BsonNull;
import org.bson.BsonObjectId;
import org.bson.BsonString;
import org.bson.BsonValue;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.types.ObjectId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Field discovery does not depend on how documents are shared out: random nested documents (sub-
 * documents, arrays of documents and of scalars, repeated and dotted names, mixed types) profiled
 * by one profile, or dealt at random to several handler profiles that are then merged, give the
 * same paths with the same document and type counts; and {@code --stream} announces each path once.
 */
class PathProfileMergePropertyTest {

    record Case(List<RawBsonDocument> docs, int partials, long dealSeed, int maxDepth) {
        @Override
        public String toString() {
            return docs.size() + " docs, " + partials + " partials, depth " + maxDepth + ", first: " + (docs.isEmpty() ? "-" : docs.get(0).toJson());
        }
    }

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void mergedPartialProfilesEqualOneProfile(long seed) {
        Case c = randomCase(new Random(seed));
        PathProfile whole = new PathProfile(c.maxDepth);
        ConcurrentLinkedQueue<String> announced = new ConcurrentLinkedQueue<>();
        var once = PathProfile.announceOnce(announced::add);
        List<PathProfile> parts = new ArrayList<>();
        for (int i = 0; i < c.partials; i++) {
            parts.add(new PathProfile(c.maxDepth, once));
        }
        Random deal = new Random(c.dealSeed);
        for (RawBsonDocument d : c.docs) {
            whole.accept(d, 0);
            parts.get(deal.nextInt(c.partials)).accept(d, 0);
        }
        PathProfile merged = parts.get(0);
        for (int i = 1; i < parts.size(); i++) {
            merged.mergeFrom(parts.get(i));
        }
        assertThat(merged.paths()).isEqualTo(whole.paths());
        assertThat(announced).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(whole.paths().stream().map(PathProfile.PathStats::path).toList());
        // a path is in at most every document, and each type count is at most the path's documents
        for (PathProfile.PathStats p : whole.paths()) {
            assertThat(p.documents()).isBetween(1L, (long) c.docs.size());
            assertThat(p.types().values()).allSatisfy(n -> assertThat(n).isBetween(1L, p.documents()));
        }
    }

    private static final int[] DEPTHS = {1, 2, 3, DocumentFieldWalker.UNLIMITED};

    /** 0..60 random documents, dealt to 1..5 partials, profiled to one of four depths. */
    static Case randomCase(Random r) {
        int n = r.nextInt(61);
        int partials = 1 + r.nextInt(5);
        int depth = DEPTHS[r.nextInt(DEPTHS.length)];
        List<RawBsonDocument> docs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            BsonDocument doc = new BsonDocument("_id", new BsonObjectId(new ObjectId(new java.util.Date(1_700_000_000_000L + i), i)));
            fill(doc, r, 0);
            docs.add(new RawBsonDocument(doc, new BsonDocumentCodec()));
        }
        return new Case(docs, partials, r.nextLong(), depth);
    }

    private static final String[] NAMES = {"a", "b", "c", "a.b", "items", "x"};

    private static void fill(BsonDocument doc, Random r, int depth) {
        int fields = r.nextInt(4);
        for (int i = 0; i < fields; i++) {
            doc.put(NAMES[r.nextInt(NAMES.length)], value(r, depth));
        }
    }

    private static BsonValue value(Random r, int depth) {
        int kind = r.nextInt(depth < 4 ? 10 : 7);
        return switch (kind) {
            case 0 -> new BsonInt32(r.nextInt(100));
            case 1 -> new BsonInt64(r.nextLong());
            case 2 -> new BsonDouble(r.nextDouble());
            case 3 -> new BsonString("s" + r.nextInt(5));
            case 4 -> BsonBoolean.valueOf(r.nextBoolean());
            case 5 -> BsonNull.VALUE;
            case 6 -> new BsonDateTime(r.nextInt());
            case 7 -> {
                BsonDocument sub = new BsonDocument();
                fill(sub, r, depth + 1);
                yield sub;
            }
            default -> {
                BsonArray arr = new BsonArray();
                int n = r.nextInt(4);
                for (int i = 0; i < n; i++) {
                    arr.add(r.nextInt(3) == 0 ? new BsonInt32(i) : value(r, depth + 1));   // documents, scalars, arrays of arrays
                }
                yield arr;
            }
        };
    }
}
