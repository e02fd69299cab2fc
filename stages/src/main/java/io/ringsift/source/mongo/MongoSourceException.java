package io.ringsift.source.mongo;

/**
 * A MongoDB source failure a user must act on: server unreachable, bad URI, unknown collection,
 * malformed input file, a partition that could not be read after its retries. The message is one
 * line naming the host, collection, file line or partition; the CLI maps this type to exit code 3.
 */
public final class MongoSourceException extends RuntimeException {
    public MongoSourceException(String message) {
        super(message);
    }

    public MongoSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
