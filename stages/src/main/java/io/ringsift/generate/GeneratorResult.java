package io.ringsift.generate;

/**
 * Exact figures for generated data, counted while writing (not estimated).
 *
 * @param rows          records written
 * @param distinctKeys  different key values among them
 * @param duplicateRows rows whose key had already appeared in an earlier row ({@code rows - distinctKeys})
 * @param bytes         bytes written, header included
 */
public record GeneratorResult(long rows, long distinctKeys, long duplicateRows, long bytes) {

    /** One line for the {@code generate} command to print. */
    public String summary() {
        return "rows " + rows + ", distinct keys " + distinctKeys + ", duplicate rows " + duplicateRows
                + ", bytes " + bytes;
    }
}
