package io.ringsift.job;

import io.ringsift.key.KeySpec;
import io.ringsift.partial.StatsLevel;
import io.ringsift.engine.EngineSettings;
import java.nio.file.Path;

/**
 * What every ingest-like job shares, whatever its source.
 *
 * @param out          output directory (created if missing)
 * @param key          the key spec
 * @param fpp          target false-positive probability
 * @param expectedKeys expected distinct keys, or null to estimate from the input
 * @param stats        how much field statistics to keep
 * @param maxRejects   stop with exit code 4 past this many rejects; negative = no limit
 * @param engine       threads and ring
 * @param exact        verify the Bloom's duplicate candidates exactly in a second pass
 * @param checkpoint   directory for the resume journal, or null
 * @param resume       continue the run journaled in {@code checkpoint}
 */
public record JobSettings(Path out, KeySpec key, double fpp, Long expectedKeys, StatsLevel stats, long maxRejects,
                          EngineSettings engine, boolean exact, Path checkpoint, boolean resume) {
    public JobSettings(Path out, KeySpec key, double fpp, Long expectedKeys, StatsLevel stats, long maxRejects,
                       EngineSettings engine, boolean exact) {
        this(out, key, fpp, expectedKeys, stats, maxRejects, engine, exact, null, false);
    }
}
