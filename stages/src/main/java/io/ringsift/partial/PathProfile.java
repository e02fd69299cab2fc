package io.ringsift.partial;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.bson.BsonDocument;
import org.bson.BsonType;

/**
 * Field discovery over documents: for every dotted path (see {@link DocumentFieldWalker}), the
 * number of documents containing it and, per BSON type name, the number of documents in which the
 * path had that type. A path occurring several times in one document (through an array of
 * subdocuments) counts once, and so does each of its types.
 *
 * <p>Paths are kept as a tree mirroring the documents, so a field is found by its name under its
 * parent and the dotted path string is built once, when the path is first seen. Figures belong to
 * the path string, not the tree position: a top-level field literally named {@code "a.b"} and field
 * {@code b} of subdocument {@code a} share one entry, as they share one name in every report.
 * "Already counted for this document" is a stamp on the node (the document's sequence number) plus
 * a bit mask of types, so nothing is allocated per document beyond the field names the BSON reader
 * decodes.
 *
 * <p>Confined to one handler thread, like every {@link FieldProfile}; only the new-path listener
 * may be shared (see {@link #announceOnce}).
 */
public final class PathProfile implements FieldProfile<BsonDocument> {

    /** One path's figures, for the report. {@code types} is sorted by type name. */
    public record PathStats(String path, long documents, Map<String, Long> types) {}

    // $type aliases, indexed by slot(): BSON type numbers 1..19, then minKey and maxKey
    private static final String[] TYPE_NAMES = {
        null, "double", "string", "object", "array", "binData", "undefined", "objectId", "bool", "date", "null",
        "regex", "dbPointer", "javascript", "symbol", "javascriptWithScope", "int", "timestamp", "long", "decimal",
        "minKey", "maxKey"};

    private static final class Node {
        final String path;
        final Map<String, Node> children = new HashMap<>(4);
        final long[] typeDocs = new long[TYPE_NAMES.length];
        long documents;
        long stamp = -1;   // sequence number of the last document that counted this path
        int typeMask;      // types already counted for that document

        Node(String path) {
            this.path = path;
        }
    }

    private final Node root = new Node("");
    private final Map<String, Node> byPath = new HashMap<>();
    private final DocumentFieldWalker<Node> walker;
    private final Consumer<String> onNewPath;
    private long docSeq;

    /**
     * @param maxDepth  1 = top-level fields only; {@link DocumentFieldWalker#UNLIMITED} for all
     * @param onNewPath called with a path the first time this profile sees it (for {@code --stream});
     *                  null for none. Called on the handler thread, so it must be thread-safe.
     */
    public PathProfile(int maxDepth, Consumer<String> onNewPath) {
        this.walker = new DocumentFieldWalker<>(maxDepth, this::field);
        this.onNewPath = onNewPath;
    }

    public PathProfile(int maxDepth) {
        this(maxDepth, null);
    }

    /**
     * Wraps {@code out} so each path reaches it once however many handler profiles see it first:
     * the shared set is consulted only when a path is new to one profile, which is rare.
     */
    public static Consumer<String> announceOnce(Consumer<String> out) {
        Set<String> announced = ConcurrentHashMap.newKeySet();
        return path -> {
            if (announced.add(path)) {
                out.accept(path);
            }
        };
    }

    /** Adds one document ({@link BsonDocument}, typically a {@code RawBsonDocument}). */
    @Override
    public void accept(BsonDocument row, int unit) {
        docSeq++;
        walker.walk(row, root);
    }

    private Node field(Node parent, String name, BsonType type) {
        Node n = parent.children.get(name);
        if (n == null) {
            n = node(parent == root ? name : parent.path + "." + name, true);
            parent.children.put(name, n);
        }
        if (n.stamp != docSeq) {
            n.stamp = docSeq;
            n.typeMask = 0;
            n.documents++;
        }
        int slot = slot(type);
        if ((n.typeMask & (1 << slot)) == 0) {
            n.typeMask |= 1 << slot;
            n.typeDocs[slot]++;
        }
        return n;
    }

    private static int slot(BsonType t) {
        return switch (t) {
            case MIN_KEY -> 20;
            case MAX_KEY -> 21;
            default -> t.getValue();
        };
    }

    private Node node(String path, boolean announce) {
        Node n = byPath.get(path);
        if (n == null) {
            n = new Node(path);
            byPath.put(path, n);
            if (announce && onNewPath != null) {
                onNewPath.accept(path);
            }
        }
        return n;
    }

    /** Adds {@code other}'s figures (from other documents) to this profile's. */
    @Override
    public void mergeFrom(FieldProfile<?> other) {
        for (Node f : ((PathProfile) other).byPath.values()) {
            // not announced: the profile that saw the path first already did
            Node n = node(f.path, false);
            n.documents += f.documents;
            for (int i = 0; i < n.typeDocs.length; i++) {
                n.typeDocs[i] += f.typeDocs[i];
            }
        }
    }

    /** Every path with its figures, sorted by path. */
    public List<PathStats> paths() {
        List<PathStats> out = new ArrayList<>(byPath.size());
        for (Node n : byPath.values()) {
            Map<String, Long> types = new TreeMap<>();
            for (int i = 0; i < n.typeDocs.length; i++) {
                if (n.typeDocs[i] > 0) {
                    types.put(TYPE_NAMES[i], n.typeDocs[i]);
                }
            }
            out.add(new PathStats(n.path, n.documents, Collections.unmodifiableMap(types)));
        }
        out.sort((a, b) -> a.path().compareTo(b.path()));
        return Collections.unmodifiableList(out);
    }

    /** Writes the figures (not the walker settings) for a checkpoint. */
    @Override
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(byPath.size());
        for (Node n : byPath.values()) {
            out.writeUTF(n.path);
            out.writeLong(n.documents);
            for (long t : n.typeDocs) {
                out.writeLong(t);
            }
        }
    }

    /** Adds figures written by {@link #writeTo} to this profile (which is normally empty). */
    @Override
    public void readFrom(DataInput in) throws IOException {
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            Node n = node(in.readUTF(), false);
            n.documents += in.readLong();
            for (int t = 0; t < n.typeDocs.length; t++) {
                n.typeDocs[t] += in.readLong();
            }
        }
    }
}
