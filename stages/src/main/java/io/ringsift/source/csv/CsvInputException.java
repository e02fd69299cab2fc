package io.ringsift.source.csv;

/** An input the run cannot start on: missing or unreadable file, unknown key column. The message is one line for the user. */
public final class CsvInputException extends Exception {
    public CsvInputException(String message) {
        super(message);
    }
}
