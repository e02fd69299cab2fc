package io.ringsift.source.jsonl;

import io.ringsift.source.WorkUnit;
import java.nio.file.Path;

/**
 * A byte range {@code [start, end)} of a JSON Lines file that starts at the beginning of a line, or
 * a whole JSON array file ({@code array}: one unit, never split).
 *
 * @param firstLine physical line number (1-based) of the byte at {@code start}
 * @param size      the file's size when planned
 */
public record JsonlUnit(int id, Path path, long start, long end, long firstLine, long size, boolean array) implements WorkUnit {
    @Override
    public String source() {
        return path.toString();
    }

    @Override
    public String describe() {
        return start == 0 && end == size ? source() : source() + " bytes " + start + "-" + end + " (from line " + firstLine + ")";
    }
}
