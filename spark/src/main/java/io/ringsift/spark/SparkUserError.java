package io.ringsift.spark;

import java.io.Serial;

/** A run that cannot start for a reason the user must fix (a key that does not match the filter's): exit 3, one line. */
public final class SparkUserError extends Exception {
    @Serial
    private static final long serialVersionUID = 1L;

    public SparkUserError(String message) {
        super(message);
    }
}
