package io.ringsift.spark;

import io.ringsift.filter.FilterParams;
import java.io.Serial;
import java.io.Serializable;

/**
 * What every map and reduce task of one run needs whatever the input, in a serializable form
 * (stages' records are not). What to read and how is the {@link MapInput}'s.
 *
 * @param partitions reduce partitions: the key space is cut as for {@code partitions} local handlers
 * @param exactBytes one reduce partition's exact-set budget, or -1 for the local default share of the executor heap over its task slots
 * @param profiles   the field profile the run keeps, or null for none ({@code --stats none})
 * @param out        the run's output directory (qualified), for the rejects part files
 * @param reference  a check's filter: "seen" means in it; null for an ingest, where "seen" means earlier in the input
 * @param keepNew    a check's map tasks write the rows whose key is new to {@link CheckParts#NEW_DIR} parts ({@code --new})
 * @param keepSeen   likewise the probably seen rows ({@code --seen})
 */
record TaskSettings(int partitions, long expectedKeys, double fpp, long exactBytes, ProfileKind profiles, String out,
                    ReferenceFilter reference, boolean keepNew, boolean keepSeen) implements Serializable {
    @Serial
    private static final long serialVersionUID = 3L;

    TaskSettings(int partitions, FilterParams params, long exactBytes, ProfileKind profiles, String out) {
        this(partitions, params.expectedKeys(), params.fpp(), exactBytes, profiles, out, null, false, false);
    }

    TaskSettings withReference(ReferenceFilter r, boolean keepNew, boolean keepSeen) {
        return new TaskSettings(partitions, expectedKeys, fpp, exactBytes, profiles, out, r, keepNew, keepSeen);
    }

    /** Map tasks need each row's raw bytes. */
    boolean keepRaw() {
        return keepNew || keepSeen;
    }

    FilterParams params() {
        return new FilterParams(expectedKeys, fpp);
    }
}
