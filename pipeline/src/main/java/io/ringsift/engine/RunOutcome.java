package io.ringsift.engine;

import io.ringsift.source.UnitResult;
import java.util.List;
import java.util.Locale;

/**
 * What a run produced.
 *
 * @param states      each handler's partition state, in handler order (for the reducer)
 * @param units       result of each unit, in the order the units were given; null for units not (fully) read
 * @param stopReason  null when every unit was read; otherwise why the run stopped early
 * @param failure     the first failure, or null
 */
public record RunOutcome<S>(List<S> states, List<UnitResult> units, RunControl.StopReason stopReason, RunFailure failure,
                         long elapsedNanos) {
    public boolean complete() {
        return stopReason == null;
    }

    /** The stop reason as report.json spells it ({@code "failed"}, {@code "interrupted"}, {@code "too_many_rejects"}), or null. */
    public String stopReasonName() {
        return stopReason == null ? null : stopReason.name().toLowerCase(Locale.ROOT);
    }

    /** The failure's one line, or null. */
    public String error() {
        return failure == null ? null : failure.getMessage();
    }
}
