package io.ringsift.record;

/**
 * A record that was read but not accepted.
 *
 * @param source the file or collection it came from
 * @param line   physical line where the record starts (CSV), or 0 where lines do not apply
 * @param id     the document's _id as Extended JSON (Mongo), or null
 * @param reason why it was rejected, in words a user can act on
 * @param raw    the record's raw text (truncated when huge), or null
 */
public record Reject(String source, long line, String id, String reason, String raw) {}
