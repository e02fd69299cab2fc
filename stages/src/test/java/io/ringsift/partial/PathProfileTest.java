package io.ringsift.partial;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.partial.PathProfile.PathStats;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.bson.BsonDocument;
import org.bson.RawBsonDocument;
import org.junit.jupiter.api.Test;

class PathProfileTest {
    // hand-computed answers below refer to these three documents
    private static final List<String> DOCS = List.of(
            "{_id: 1, name: 'a', address: {city: 'X', geo: {lat: 1.5}},"
                    + " items: [{sku: 'A', qty: 1}, {sku: 'B', qty: {$numberLong: '2'}}], tags: ['x', 'y']}",
            "{_id: 2, name: 5, address: {city: null}, items: [], tags: [{k: 1}, 'z']}",
            "{_id: '3', name: 'c', items: [{sku: 7}, {sku: 'C'}, [{nested: 1}]], address: 'none'}");

    private static PathProfile profile(int maxDepth, List<String> docs) {
        PathProfile p = new PathProfile(maxDepth);
        for (String d : docs) {
            p.accept(RawBsonDocument.parse(d), 0);
        }
        return p;
    }

    @Test
    void nestedArrayAndMixedTypePathsMatchHandCount() {
        assertThat(profile(DocumentFieldWalker.UNLIMITED, DOCS).paths()).containsExactly(
                new PathStats("_id", 3, Map.of("int", 2L, "string", 1L)),
                new PathStats("address", 3, Map.of("object", 2L, "string", 1L)),
                new PathStats("address.city", 2, Map.of("null", 1L, "string", 1L)),
                new PathStats("address.geo", 1, Map.of("object", 1L)),
                new PathStats("address.geo.lat", 1, Map.of("double", 1L)),
                new PathStats("items", 3, Map.of("array", 3L)),
                // one document with int and long qty: one document, each type once
                new PathStats("items.qty", 1, Map.of("int", 1L, "long", 1L)),
                // sku seen twice in doc 1 and twice in doc 3: two documents; doc 3 has it as int and string
                new PathStats("items.sku", 2, Map.of("int", 1L, "string", 2L)),
                new PathStats("name", 3, Map.of("int", 1L, "string", 2L)),
                new PathStats("tags", 2, Map.of("array", 2L)),
                new PathStats("tags.k", 1, Map.of("int", 1L)));
    }

    @Test
    void maxDepthStopsTheDescent() {
        assertThat(profile(1, DOCS).paths()).extracting(PathStats::path)
                .containsExactly("_id", "address", "items", "name", "tags");
        assertThat(profile(2, DOCS).paths()).extracting(PathStats::path)
                .containsExactly("_id", "address", "address.city", "address.geo", "items", "items.qty", "items.sku", "name", "tags", "tags.k");
    }

    @Test
    void rawAndDecodedDocumentsGiveTheSameProfile() {
        PathProfile decoded = new PathProfile(DocumentFieldWalker.UNLIMITED);
        DOCS.forEach(d -> decoded.accept(BsonDocument.parse(d), 0));
        assertThat(decoded.paths()).isEqualTo(profile(DocumentFieldWalker.UNLIMITED, DOCS).paths());
    }

    @Test
    void fieldNamesWithDotsAndEmptyDocuments() {
        assertThat(profile(DocumentFieldWalker.UNLIMITED, List.of("{'a.b': 1, a: {b: 'x'}, e: {}}")).paths()).containsExactly(
                new PathStats("a", 1, Map.of("object", 1L)),
                new PathStats("a.b", 1, Map.of("int", 1L, "string", 1L)),
                new PathStats("e", 1, Map.of("object", 1L)));
    }

    @Test
    void mergeOfPartsEqualsOneProfileOverAll() throws IOException {
        List<String> people = Files.readAllLines(Path.of("..", "samples", "people.jsonl"));
        assertThat(people).hasSize(200);
        PathProfile all = profile(DocumentFieldWalker.UNLIMITED, people);
        PathProfile even = new PathProfile(DocumentFieldWalker.UNLIMITED);
        PathProfile odd = new PathProfile(DocumentFieldWalker.UNLIMITED);
        PathProfile none = new PathProfile(DocumentFieldWalker.UNLIMITED);
        for (int i = 0; i < people.size(); i++) {
            (i % 3 == 0 ? even : odd).accept(RawBsonDocument.parse(people.get(i)), 0);
        }
        odd.mergeFrom(none);
        even.mergeFrom(odd);

        assertThat(even.paths()).isEqualTo(all.paths());
        // the sample file is meant to show mixed types, nested and array paths
        assertThat(all.paths()).extracting(PathStats::path).contains("address.geo.lat", "orders.sku", "phones.type");
        assertThat(all.paths()).filteredOn(s -> s.path().equals("age")).singleElement()
                .satisfies(s -> assertThat(s.types()).containsOnlyKeys("int", "string", "double"));
        assertThat(all.paths()).filteredOn(s -> s.path().equals("_id")).singleElement()
                .satisfies(s -> assertThat(s.documents()).isEqualTo(200));
    }

    @Test
    void newPathsAreAnnouncedOnceAcrossProfiles() {
        ConcurrentLinkedQueue<String> printed = new ConcurrentLinkedQueue<>();
        var announce = PathProfile.announceOnce(printed::add);
        PathProfile a = new PathProfile(DocumentFieldWalker.UNLIMITED, announce);
        PathProfile b = new PathProfile(DocumentFieldWalker.UNLIMITED, announce);
        List<String> half1 = DOCS.subList(0, 2);
        half1.forEach(d -> a.accept(RawBsonDocument.parse(d), 0));
        assertThat(printed).contains("address.geo.lat", "items.sku").doesNotContain("tags.x");
        DOCS.forEach(d -> b.accept(RawBsonDocument.parse(d), 0));
        a.mergeFrom(b);

        List<String> expected = new ArrayList<>(profile(DocumentFieldWalker.UNLIMITED, DOCS).paths().stream().map(PathStats::path).toList());
        assertThat(printed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
        // first-seen order: the first document's paths come first, depth-first
        assertThat(List.copyOf(printed).subList(0, 3)).containsExactly("_id", "name", "address");
    }
}
