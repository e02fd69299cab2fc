package io.ringsift.report;

import io.ringsift.filter.BloomChain;
import io.ringsift.filter.FilterParams;
import io.ringsift.partial.KeyCounts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The sentences report.json's {@code warnings} and the summary carry when a figure is less than it promises. */
public final class Warnings {
    private Warnings() {
    }

    /**
     * A filter above 2x its target fpp at its fill is never written silently; one that had to grow
     * says so, since its sizing was wrong and its bits depend on the number of handlers.
     */
    public static List<String> forFilter(BloomChain chain, FilterParams target) {
        List<String> out = new ArrayList<>();
        double fpp = chain.fppAtFill();
        if (fpp > 2 * target.fpp()) {
            out.add(String.format(Locale.ROOT, "filter fpp at its fill is %.3g, %.1fx the target %s: \"probably seen\" answers"
                    + " are less reliable than promised; rebuild with a larger --expected-keys", fpp, fpp / target.fpp(), target.fpp()));
        }
        if (chain.stages().size() > 1) {
            out.add(String.format(Locale.ROOT, "the keys outgrew the filter's sizing (%,d expected keys): it grew to %d stages"
                    + " (fpp at fill %.3g, bound 2x the target); give --expected-keys for a single, smaller filter",
                    target.expectedKeys(), chain.stages().size(), fpp));
        }
        return out;
    }

    public static List<String> forCounts(KeyCounts c, long budget) {
        if (c.exact()) {
            return List.of();
        }
        return List.of(String.format(Locale.ROOT, "duplicate and distinct counts are estimates (95%% interval: %,d..%,d"
                + " duplicates): the exact key sets reached --exact-memory (%,d bytes, %,d keys held); raise it for exact counts",
                c.duplicatesLow(), c.duplicatesHigh(), budget, c.exactKeys()));
    }
}
