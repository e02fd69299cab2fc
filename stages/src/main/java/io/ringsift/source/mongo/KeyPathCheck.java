package io.ringsift.source.mongo;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.bson.BsonDocument;
import org.bson.BsonValue;

/**
 * Notices a key path that no document has, such as {@code --key IATA} on documents with
 * {@code iata}: otherwise every document would be rejected and the run would still exit 0. One per
 * reader. It stops the run when the reader has accepted nothing and every document it read lacked
 * the key, either after {@link #FIRST_BATCH} documents, or at the end of a unit when a path the
 * documents do have differs from the key only in case or by two edits at most (a typo, not a
 * sparse field).
 */
public final class KeyPathCheck {
    static final int FIRST_BATCH = 1000;
    private static final int MAX_PATHS = 1000;
    private static final int MAX_DEPTH = 4;

    public KeyPathCheck() {
    }

    private long documents;
    private long missing;
    private boolean accepted;
    private String missingPath;
    private final Set<String> paths = new TreeSet<>();

    public void observe(BsonDocument doc, String problem) {
        if (accepted) {
            return;
        }
        documents++;
        String path = missingPath(problem);
        if (path == null) {
            accepted = problem == null || !problem.startsWith("missing key field");
            return;
        }
        missing++;
        missingPath = path;
        if (documents <= FIRST_BATCH) {
            collect(doc, "", 0);
        }
        if (documents == FIRST_BATCH && missing == documents) {
            fail();
        }
    }

    public void unitDone() {
        if (!accepted && documents > 0 && missing == documents && !closest(missingPath, 2).isEmpty()) {
            fail();
        }
    }

    private void fail() {
        Set<String> near = closest(missingPath, Integer.MAX_VALUE);
        throw new MongoSourceException("key field '" + missingPath + "' is missing from every one of the first " + documents
                + " documents read" + (near.isEmpty() ? "" : "; closest fields they have: " + String.join(", ", near))
                + "; check --key (paths are case-sensitive)");
    }

    /** Up to three discovered paths nearest to {@code key}, at most {@code maxEdits} away (case differences cost nothing). */
    private Set<String> closest(String key, int maxEdits) {
        String k = key.toLowerCase(Locale.ROOT);
        Set<String> out = new LinkedHashSet<>();
        paths.stream()
                .filter(p -> distance(p.toLowerCase(Locale.ROOT), k) <= maxEdits)
                .sorted(Comparator.comparingInt((String p) -> distance(p.toLowerCase(Locale.ROOT), k)).thenComparing(p -> p))
                .limit(3)
                .forEach(out::add);
        return out;
    }

    private static String missingPath(String problem) {
        if (problem == null || !problem.startsWith("missing key field '")) {
            return null;
        }
        return problem.substring("missing key field '".length(), problem.length() - 1);
    }

    private void collect(BsonDocument doc, String prefix, int depth) {
        for (var e : doc.entrySet()) {
            if (paths.size() >= MAX_PATHS) {
                return;
            }
            String path = prefix + e.getKey();
            paths.add(path);
            BsonValue v = e.getValue();
            if (v.isDocument() && depth + 1 < MAX_DEPTH) {
                collect(v.asDocument(), path + ".", depth + 1);
            }
        }
    }

    /** Levenshtein distance, the textbook two-row dynamic programme. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
