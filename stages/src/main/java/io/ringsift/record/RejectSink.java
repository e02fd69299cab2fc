package io.ringsift.record;

/** Receives every rejected record. Implementations must be thread-safe: all readers share one. */
@FunctionalInterface
public interface RejectSink {
    void reject(Reject reject);
}
