package io.ringsift.cli;

import com.mongodb.MongoException;
import io.ringsift.job.ExitCodes;
import io.ringsift.engine.RunFailure;
import io.ringsift.source.mongo.MongoSourceException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * The one exception mapper: a domain failure becomes one line on stderr and its exit code; the
 * stack trace is shown only with {@code --verbose}, or for a bug (an exception we did not expect).
 */
final class Failures implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception ex, CommandLine cl, ParseResult parsed) {
        boolean verbose = parsed.hasMatchedOption("--verbose");
        var err = cl.getErr();
        if (ex instanceof UserError || ex instanceof IOException || ex instanceof UncheckedIOException
                || ex instanceof RunFailure || ex instanceof IllegalArgumentException
                || ex instanceof MongoSourceException || ex instanceof MongoException) {
            err.println("ringsift: " + message(ex));
            if (verbose) {
                ex.printStackTrace(err);
            }
            return ex instanceof UserError u ? u.exitCode() : ExitCodes.INPUT;
        }
        err.println("ringsift: internal error: " + message(ex) + " (please report this with the stack trace below)");
        ex.printStackTrace(err);
        return ExitCodes.INPUT;
    }

    static String message(Throwable t) {
        // NIO names the file but not the cause: "/tmp/x/nope.bf" alone (MessagesWithoutACauseTest)
        if (t instanceof NoSuchFileException e && e.getReason() == null) {
            return e.getFile() + ": no such file or directory";
        }
        if (t instanceof AccessDeniedException e && e.getReason() == null) {
            return e.getFile() + ": permission denied";
        }
        if (t instanceof FileAlreadyExistsException e && e.getReason() == null) {
            return e.getFile() + ": already exists";
        }
        if (t instanceof NotDirectoryException e && e.getReason() == null) {
            return e.getFile() + ": not a directory";
        }
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
