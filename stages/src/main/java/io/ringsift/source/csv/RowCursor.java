package io.ringsift.source.csv;

import io.ringsift.key.KeyEncoder;
import io.ringsift.partial.CsvFieldProfile;
import io.ringsift.record.ByteRow;
import io.ringsift.record.RecordBatch;
import java.io.IOException;

/**
 * Walks the records of one unit, good and bad, in file order. One implementation per parser
 * ({@code --parser fast|commons}); both take record boundaries and line numbers from the same
 * {@link RecordFramer}, so they differ only in how a record's fields are turned into values.
 */
interface RowCursor {

    /** Advances to the next record; false at the end of the unit. */
    boolean next() throws IOException;

    /** Why the current record is rejected, or null when it is accepted. */
    String rejectReason();

    /** The current record's values; valid only when {@link #rejectReason()} is null, until {@link #next()}. */
    String[] values();

    /**
     * The current (accepted) record as byte slices in {@code batch}'s arena: its values encoded as
     * UTF-8 (a parser that makes strings), or the field bytes as framed.
     */
    default ByteRow row(RecordBatch<?> batch) {
        int fields = batch.fieldMark();
        int arena = batch.arenaMark();
        for (String v : values()) {
            batch.addField(v);
        }
        return batch.endRow(fields, arena);
    }

    /**
     * Hands the current record's fields to {@code profile} straight from where they were framed,
     * without copying them into a row; false when the parser cannot (it makes Strings), and the
     * caller hands over a copied row instead. The record's bytes may be rewritten (doubled quotes
     * collapsed in place): call it after everything else that reads the record. {@code batch} is
     * the one the record goes into next, for the values of columns handed to the handlers.
     */
    default boolean sliceTo(CsvFieldProfile profile, int unit, RecordBatch<?> batch) {
        return false;
    }

    /** Adds column {@code i} of the current (accepted) record to the key being built, as a string part. */
    default void addKeyPart(KeyEncoder key, int i) {
        key.addString(values()[i]);
    }

    /** Physical line where the current record starts. */
    long line();

    /** A copy of the current record's bytes without its line terminator ({@code withTerminator}: with it). */
    byte[] raw(boolean withTerminator);

    /** File bytes consumed so far by this cursor. */
    long bytesRead();
}
