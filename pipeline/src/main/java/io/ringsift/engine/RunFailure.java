package io.ringsift.engine;

/**
 * Why a run stopped early: which stage, where, and the cause. Its message is the one line the user
 * sees; the cause's stack trace is printed only with {@code --verbose}.
 */
public final class RunFailure extends Exception {
    private final String stage;
    private final String where;

    public RunFailure(String stage, String where, Throwable cause) {
        super(message(stage, where, cause), cause);
        this.stage = stage;
        this.where = where;
    }

    public String stage() {
        return stage;
    }

    public String where() {
        return where;
    }

    /** "reader failed on data.csv: disk error"; a cause that already names the place is not prefixed with it again. */
    private static String message(String stage, String where, Throwable cause) {
        String m = describe(cause);
        if (where != null && m.startsWith(where + ":")) {
            return stage + " failed on " + m;
        }
        return stage + " failed" + (where == null ? "" : " on " + where) + ": " + m;
    }

    static String describe(Throwable t) {
        String m = t.getMessage();
        return m == null || m.isBlank() ? t.getClass().getSimpleName() : m;
    }
}
