package io.ringsift.reduce;

import io.ringsift.partial.Partial;
import java.util.List;

/**
 * The final sequential stage: folds the handlers' partials into one. Runs on one thread after the
 * ring has drained, so it needs no synchronisation. Because handlers own disjoint key partitions,
 * the merged filter holds every key once and the duplicate counts simply add up.
 */
public final class Reducer {
    private Reducer() {
    }

    /** Merges all partials into the first and returns it. */
    public static <P extends Partial<?>> P merge(List<P> partials) {
        if (partials.isEmpty()) {
            throw new IllegalArgumentException("Nothing to merge: at least one partial is required");
        }
        // an ingest's partials have their filters still to build from their exact sets (Partial): with every core
        int cores = Runtime.getRuntime().availableProcessors();
        for (P p : partials) {
            p.finishFilter(cores);
        }
        P into = partials.get(0);
        for (int i = 1; i < partials.size(); i++) {
            into.mergeFrom(partials.get(i));
        }
        return into;
    }
}
