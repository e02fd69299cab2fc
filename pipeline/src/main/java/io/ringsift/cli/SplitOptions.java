package io.ringsift.cli;

import picocli.CommandLine.Option;

/** How large input files are cut for parallel readers (CSV byte ranges on record boundaries, JSON Lines at line ends). */
final class SplitOptions {
    @Option(names = "--split-size", paramLabel = "SIZE", defaultValue = "32MiB", converter = ByteSizeConverter.class,
            description = "Smallest byte range a large plain file is split into for parallel readers, e.g. 64MB (default: ${DEFAULT-VALUE}).")
    long bytes;
}
