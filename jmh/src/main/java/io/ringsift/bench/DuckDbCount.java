package io.ringsift.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Bench program (e): DuckDB (in-process, via JDBC; native library load included in the process
 * time) answering {@code count(*), count(DISTINCT key)} over the same file — the outside reference.
 *
 * <p>The read_csv options are spelled out rather than sniffed: RFC 4180 quoting with {@code "} as
 * both quote and escape, a header row. DuckDB's reader accepts newlines inside quoted fields
 * with these settings (the script checks that {@code count(*)} equals the generator's row count, so
 * a reader that split quoted newlines would fail the run, not pass with a wrong figure).
 *
 * <p>{@code java -cp benchmarks.jar io.ringsift.bench.DuckDbCount FILE [THREADS]} prints
 * {@code rows=N distinct=D}.
 */
public final class DuckDbCount {
    public static void main(String[] args) throws Exception {
        String file = args[0].replace("'", "''");
        Class.forName("org.duckdb.DuckDBDriver");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
             Statement st = c.createStatement()) {
            if (args.length > 1) {
                st.execute("SET threads = " + Integer.parseInt(args[1]));
            }
            String sql = "SELECT count(*), count(DISTINCT key) FROM read_csv('" + file + "', header = true, delim = ',',"
                    + " quote = '\"', escape = '\"', new_line = '\\n', all_varchar = true)";
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                System.out.println("rows=" + rs.getLong(1) + " distinct=" + rs.getLong(2));
            }
        }
    }
}
