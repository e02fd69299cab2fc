package io.ringsift.partial;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.bson.codecs.BsonDocumentCodec;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

/**
 * Extended JSON Lines, as {@code --embedded FILE.jsonl} loads them, through field discovery. The
 * input is the file (UTF-8, bad bytes become U+FFFD); lines the driver cannot parse or encode as
 * BSON are what the loader refuses with their line number, and are skipped here. For the rest:
 * <ul>
 *   <li>canonical Extended JSON (what {@code check} writes for a collection) reads back as the same
 *       document, so types survive a reload;</li>
 *   <li>a profile of all documents equals three profiles of a share each, merged, at any depth
 *       limit; and survives its checkpoint form ({@code writeTo}/{@code readFrom});</li>
 *   <li>every path is in between 1 and all documents, each type in at most the path's documents.</li>
 * </ul>
 * The corpus is {@code ExtJsonPathProfileFuzzTestInputs/profilesAgree/} (plain JSON Lines files).
 */
class ExtJsonPathProfileFuzzTest {
    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();
    private static final int[] DEPTHS = {1, 2, DocumentFieldWalker.UNLIMITED};

    @FuzzTest
    void profilesAgree(byte[] input) throws IOException {
        List<RawBsonDocument> docs = new ArrayList<>();
        for (String line : new String(input, StandardCharsets.UTF_8).split("\n")) {
            RawBsonDocument doc = parse(line);
            if (doc != null) {
                assertThat(BsonDocument.parse(doc.toJson(CANONICAL))).as(line).isEqualTo(doc);
                docs.add(doc);
            }
        }
        for (int depth : DEPTHS) {
            assertProfilesAgree(docs, depth);
        }
    }

    /** The document on {@code line}, or null where the loader would refuse the line. */
    private static RawBsonDocument parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            return new RawBsonDocument(BsonDocument.parse(line), new BsonDocumentCodec());
        } catch (RuntimeException notJsonOrNotBson) {   // JsonParseException, BsonInvalidOperationException, BsonSerializationException
            return null;
        }
    }

    private static void assertProfilesAgree(List<RawBsonDocument> docs, int depth) throws IOException {
        PathProfile whole = new PathProfile(depth);
        List<PathProfile> parts = List.of(new PathProfile(depth), new PathProfile(depth), new PathProfile(depth));
        for (int i = 0; i < docs.size(); i++) {
            whole.accept(docs.get(i), 0);
            parts.get(i % 3).accept(docs.get(i), 0);
        }
        PathProfile merged = parts.get(0);
        merged.mergeFrom(parts.get(1));
        merged.mergeFrom(parts.get(2));
        assertThat(merged.paths()).isEqualTo(whole.paths());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        whole.writeTo(new DataOutputStream(bytes));
        PathProfile back = new PathProfile(depth);
        back.readFrom(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        assertThat(back.paths()).isEqualTo(whole.paths());

        for (PathProfile.PathStats p : whole.paths()) {
            assertThat(p.documents()).isBetween(1L, (long) docs.size());
            assertThat(p.types().values()).allSatisfy(n -> assertThat(n).isBetween(1L, p.documents()));
        }
    }
}
