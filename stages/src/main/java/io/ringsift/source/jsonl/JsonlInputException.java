package io.ringsift.source.jsonl;

/** A JSON input that cannot be read at all (missing file, a directory): one line naming it. */
public final class JsonlInputException extends Exception {
    public JsonlInputException(String message) {
        super(message);
    }
}
