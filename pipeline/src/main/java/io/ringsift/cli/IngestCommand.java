package io.ringsift.cli;

import picocli.CommandLine.Command;

/** {@code ringsift ingest csv|mongo|jsonl} (subcommands listed in {@link CommandTree}). */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read records into a Bloom filter of their keys, duplicate counts and field statistics.")
final class IngestCommand {
}
