package io.ringsift.spark;

import io.ringsift.partial.CsvFieldProfile;
import io.ringsift.partial.FieldProfile;
import io.ringsift.partial.PathProfile;
import io.ringsift.partial.StatsLevel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.util.List;

/**
 * Which field profile a run keeps, in a form tasks receive: the stages' profiles are not
 * serializable, their figures travel as the bytes of their own {@code writeTo}.
 */
sealed interface ProfileKind extends Serializable {

    /** A profile that only merges and reports (no row reaches it). */
    FieldProfile empty();

    /** CSV columns: {@link CsvFieldProfile} over the run's field names. */
    record Columns(List<String> fields, StatsLevel stats) implements ProfileKind {
        @Serial
        private static final long serialVersionUID = 1L;

        public Columns {
            fields = List.copyOf(fields);
            if (stats == StatsLevel.NONE) {
                throw new IllegalArgumentException("Stats level NONE keeps no profile: use no ProfileKind");
            }
        }

        @Override
        public FieldProfile empty() {
            // no row reaches it, so it needs no column mapping
            return new CsvFieldProfile(fields, new int[0][], stats);
        }
    }

    /** Documents: {@link PathProfile}, field paths with their BSON types, to {@code maxDepth}. */
    record Paths(int maxDepth) implements ProfileKind {
        @Serial
        private static final long serialVersionUID = 1L;

        @Override
        public FieldProfile empty() {
            return new PathProfile(maxDepth);
        }
    }

    /** The figures of {@code p} as bytes (the profile's own {@link FieldProfile#writeTo}). */
    static byte[] toBytes(FieldProfile<?> p) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(bytes)) {
            p.writeTo(d);
        }
        return bytes.toByteArray();
    }

    /** Reads {@link #toBytes} output into {@code into}, which must be empty (fresh from {@link #empty}). */
    static void readInto(FieldProfile<?> into, byte[] bytes) throws IOException {
        try (DataInputStream d = new DataInputStream(new ByteArrayInputStream(bytes))) {
            into.readFrom(d);
        }
    }
}
