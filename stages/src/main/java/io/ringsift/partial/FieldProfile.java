package io.ringsift.partial;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Per-handler field statistics over the rows a handler owns; merged by the reducer.
 * Implementations are confined to one handler thread until handed to the reducer.
 */
public interface FieldProfile<R> {

    /** Adds one accepted row; {@code unit} tells row-shaped sources which column layout it has. */
    void accept(R row, int unit);

    /** Folds {@code other} (same implementation) into this one. */
    void mergeFrom(FieldProfile<?> other);

    /** Writes this profile's figures (a checkpoint, or a Spark task's result); {@link #readFrom} reads them back. */
    void writeTo(DataOutput out) throws IOException;

    /** Reads figures written by {@link #writeTo} of a profile made for the same run into this fresh one. */
    void readFrom(DataInput in) throws IOException;
}
