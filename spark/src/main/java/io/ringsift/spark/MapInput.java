package io.ringsift.spark;

import io.ringsift.partial.FieldProfile;
import io.ringsift.record.RecordSink;
import io.ringsift.record.RejectSink;
import io.ringsift.source.UnitResult;
import java.io.Serializable;

/**
 * How map tasks read one kind of unit (a CSV chunk, an {@code _id} range) with the stages'
 * readers. {@link MapSide} does the rest the same way for every input: it routes key hashes to
 * reduce partitions, keeps the unit's field profile, and writes its rejects part.
 *
 * @param <T> the serializable description of one unit that a task receives
 */
interface MapInput<T> extends Serializable {

    /** The unit id: reports, rejects parts and the test hook name units by it. */
    int unit(T t);

    /** The source as rejects name it (a file as the user gave it, a collection's namespace). */
    String source(T t);

    /** A profile for this unit's rows, or null when the run keeps no statistics. */
    FieldProfile newProfile(T t);

    /** A reader for one task; it may keep buffers (or a client) from unit to unit. */
    Reader<T> newReader() throws Exception;

    interface Reader<T> {
        /** Reads {@code t} into {@code sink} (accepted rows) and {@code rejects}; an exception fails the task, naming the unit. */
        UnitResult read(T t, RecordSink sink, RejectSink rejects) throws Exception;
    }
}
