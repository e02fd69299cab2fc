package io.ringsift.engine;

import io.ringsift.source.UnitResult;
import java.util.List;

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
}
