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
 * @param exactMemory  bytes the handlers' exact key sets may take together (--exact-memory)
 */
public record JobSettings(Path out, KeySpec key, double fpp, Long expectedKeys, StatsLevel stats, long maxRejects,
                          EngineSettings engine, boolean exact, Path checkpoint, boolean resume, long exactMemory) {
    public JobSettings {
        if (exactMemory < 0) {
            throw new IllegalArgumentException("Exact-count memory (" + exactMemory + " bytes) must be >= 0");
        }
    }

    public JobSettings(Path out, KeySpec key, double fpp, Long expectedKeys, StatsLevel stats, long maxRejects,
                       EngineSettings engine, boolean exact, Path checkpoint, boolean resume) {
        this(out, key, fpp, expectedKeys, stats, maxRejects, engine, exact, checkpoint, resume, defaultExactMemory());
    }

    public JobSettings(Path out, KeySpec key, double fpp, Long expectedKeys, StatsLevel stats, long maxRejects,
                       EngineSettings engine, boolean exact) {
        this(out, key, fpp, expectedKeys, stats, maxRejects, engine, exact, null, false);
    }

    /**
     * The share of the heap exact counting may use by default: 40%, since a table that doubles
     * briefly holds its old and new arrays (1.5x its final size) while the filters and the ring
     * need the rest.
     */
    public static final double DEFAULT_EXACT_MEMORY_SHARE = 0.4;

    /**
     * 40% of the maximum heap: a key costs 16 bytes / load (23-46 bytes) in the exact sets, so the
     * default JVM heap (a quarter of RAM) counts about 2-4M distinct keys per GiB of RAM exactly.
     */
    public static long defaultExactMemory() {
        return (long) (Runtime.getRuntime().maxMemory() * DEFAULT_EXACT_MEMORY_SHARE);
    }

    /** One handler's share of the exact-count memory. */
    public long exactMemoryPerHandler() {
        return exactMemory / engine.handlers();
    }
}
