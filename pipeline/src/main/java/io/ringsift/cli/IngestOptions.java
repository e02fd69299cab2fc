package io.ringsift.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What every {@code ingest} command writes and whether it verifies its duplicates. */
final class IngestOptions {
    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Output directory (created if missing).")
    Path out;

    @Option(names = "--exact", description = "Second pass: compare the duplicates' canonical key bytes, not just their 128-bit"
            + " hashes, and measure the filter's real fpp (reads the input twice; memory grows with the duplicates, not the input).")
    boolean exact;
}
