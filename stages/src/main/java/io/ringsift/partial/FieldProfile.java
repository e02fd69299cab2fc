package io.ringsift.partial;

/**
 * Per-handler field statistics over the rows a handler owns; merged by the reducer.
 * Implementations are confined to one handler thread until handed to the reducer.
 */
public interface FieldProfile {

    /** Adds one accepted row; {@code unit} tells row-shaped sources which column layout it has. */
    void accept(Object row, int unit);

    /** Folds {@code other} (same implementation) into this one. */
    void mergeFrom(FieldProfile other);
}
