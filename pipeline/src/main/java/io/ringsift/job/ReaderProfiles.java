package io.ringsift.job;

import io.ringsift.partial.FieldProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Field profiles kept by the reader threads rather than the handlers ({@link JobInput#statsOnReaders}):
 * one per reader, each confined to its thread while the engine runs. After a run (an epoch) the job
 * folds them into one handler's profile, so checkpoints and the report see them as before.
 *
 * @param <R> the row type the profiles take
 */
public final class ReaderProfiles<R> {
    private final Supplier<? extends FieldProfile<? super R>> make;
    private final List<FieldProfile<? super R>> made = new ArrayList<>();

    public ReaderProfiles(Supplier<? extends FieldProfile<? super R>> make) {
        this.make = make;
    }

    /** A fresh profile for one more reader. */
    public synchronized FieldProfile<? super R> next() {
        FieldProfile<? super R> p = make.get();
        made.add(p);
        return p;
    }

    /** Folds every reader's figures into {@code target} and forgets them; call only when no reader runs. */
    public synchronized void mergeInto(FieldProfile<?> target) {
        for (FieldProfile<? super R> p : made) {
            target.mergeFrom(p);
        }
        made.clear();
    }
}
