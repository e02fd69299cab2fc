package io.ringsift.source;

/**
 * What one unit yielded. {@code records + rejected} is every record read from the unit.
 *
 * @param records  accepted records published to the ring
 * @param rejected records sent to the reject sink
 * @param bytes    input bytes consumed (file bytes for CSV, BSON bytes for documents)
 * @param retries  transient failures recovered from (Mongo cursor reopens)
 */
public record UnitResult(int unit, long records, long rejected, long bytes, int retries) {}
