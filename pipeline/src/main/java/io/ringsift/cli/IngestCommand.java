package io.ringsift.cli;

import picocli.CommandLine.Command;

/** {@code ringsift ingest csv|mongo|jsonl}. */
@Command(name = "ingest", mixinStandardHelpOptions = true,
        description = "Read records into a Bloom filter of their keys, duplicate counts and field statistics.",
        subcommands = {IngestCsvCommand.class, IngestMongoCommand.class, IngestJsonlCommand.class})
final class IngestCommand {
}
