package io.ringsift.run;

import io.ringsift.partial.Partial;
import io.ringsift.source.UnitResult;
import java.util.List;

/**
 * What a run produced.
 *
 * @param merged      the reduced partial (filter, counts, sketches, field statistics)
 * @param units       result of each unit by id; null for units not (fully) read
 * @param stopReason  null when every unit was read; otherwise why the run stopped early
 * @param failure     the first failure, or null
 */
public record RunOutcome(Partial merged, List<UnitResult> units, RunControl.StopReason stopReason, RunFailure failure,
                         long elapsedNanos) {
    public boolean complete() {
        return stopReason == null;
    }
}
