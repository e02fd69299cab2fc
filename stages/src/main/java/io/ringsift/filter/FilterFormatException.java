package io.ringsift.filter;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A filter file that cannot be trusted: bad magic, unknown version, checksum mismatch, truncation,
 * or a header that disagrees with the filter it describes. The message always starts with the file
 * and says what was wrong, e.g. {@code "filter.bf: checksum mismatch (stored 1234abcd…, computed
 * 99aa0011…)"}.
 *
 * <p>An {@link IOException} so callers that already map input errors to an exit code (3) catch it
 * with the rest; catch this type first to tell "the file is damaged" from "the disk failed".
 */
public final class FilterFormatException extends IOException {
    private final transient Path file;
    private final String problem;

    public FilterFormatException(Path file, String problem) {
        this(file, problem, null);
    }

    public FilterFormatException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
        this.problem = problem;
    }

    public Path file() {
        return file;
    }

    /** What was wrong, without the file name. */
    public String problem() {
        return problem;
    }
}
