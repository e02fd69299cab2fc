package io.ringsift.bench;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.SplittableRandom;

/**
 * Deterministic synthetic CSV for the benchmarks: 8 columns, about 150 bytes a row, a key column
 * {@code key} with a known share of repeated keys, quoted text holding commas, doubled quotes and
 * (in a few rows) newlines, numbers, ISO timestamps and some non-ASCII names.
 *
 * <pre>
 * key,name,email,city,amount,qty,created,note
 * K4821930571,"Smith, Maria",maria.smith17@example.com,Lisbon,1234.56,42,2024-03-15T12:34:56Z,"quick fox, ""lazy"" dog…"
 * </pre>
 *
 * Same (rows, seed, dupRate) → same bytes, so every program of a bench run reads the same file and
 * JMH runs are comparable. The generator also knows the exact number of distinct keys.
 *
 * <p>Used as {@code java -cp jmh/target/benchmarks.jar io.ringsift.bench.CsvGen --rows N [--seed S]
 * [--dup-rate 0.2] --out FILE}; prints {@code rows=N distinct=D bytes=B}.
 */
public final class CsvGen {
    public static final String HEADER = "key,name,email,city,amount,qty,created,note\n";
    public static final int KEY_COLUMN = 0;

    private static final String[] FIRST = {"Maria", "John", "Aiko", "Lars", "Fatima", "Chen", "Olga", "Pedro", "Amara",
            "Noah", "Zoë", "Émile", "Sven", "Ingrid", "Ravi", "Lena"};
    private static final String[] LAST = {"Smith", "Müller", "Tanaka", "Nielsen", "Haddad", "Wang", "Ivanova", "Silva",
            "Okafor", "Brown", "García", "Dubois", "Berg", "Larsen", "Patel", "Novak"};
    private static final String[] CITY = {"Lisbon", "Berlin", "Osaka", "Aarhus", "Cairo", "Shanghai", "Kazan", "Recife",
            "Lagos", "Toronto", "Sevilla", "Lyon", "Bergen", "Oslo", "Pune", "Brno"};
    private static final String[] WORDS = {"quick", "fox", "lazy", "dog", "order", "shipped", "late", "refund", "pending",
            "customer", "asked", "about", "invoice", "blue", "widget", "returned", "twice", "note", "priority", "call"};

    private final SplittableRandom rnd;
    private final double dupRate;
    private final boolean quoted;
    private long distinct;
    private final StringBuilder sb = new StringBuilder(256);

    public CsvGen(long seed, double dupRate) {
        this(seed, dupRate, true);
    }

    /** @param quoted false: the same shape without any quoting (no commas, quotes or newlines in text), to price quote handling */
    public CsvGen(long seed, double dupRate, boolean quoted) {
        this.rnd = new SplittableRandom(seed);
        this.dupRate = dupRate;
        this.quoted = quoted;
    }

    /** Distinct key {@code i} as text: an odd multiplier coprime with 10^10 spreads 0..n over 10 digits without collisions. */
    static String key(long i) {
        long v = Math.floorMod(i * 2654435761L + 1_234_567_891L, 10_000_000_000L);
        String d = Long.toString(v);
        return "K" + "0000000000".substring(d.length()) + d;
    }

    /** Appends one row (with its LF) to {@code out}. */
    public void row(StringBuilder out) {
        long k;
        if (distinct > 0 && rnd.nextDouble() < dupRate) {
            k = rnd.nextLong(distinct);
        } else {
            k = distinct++;
        }
        String first = FIRST[rnd.nextInt(FIRST.length)];
        String last = LAST[rnd.nextInt(LAST.length)];
        out.append(key(k)).append(',');
        if (quoted) {
            out.append('"').append(last).append(", ").append(first).append('"').append(',');
        } else {
            out.append(last).append(' ').append(first).append(',');
        }
        out.append(first.toLowerCase()).append('.').append(last.toLowerCase()).append(rnd.nextInt(100)).append("@example.com,");
        out.append(CITY[rnd.nextInt(CITY.length)]).append(',');
        out.append(rnd.nextInt(100_000)).append('.').append(10 + rnd.nextInt(90)).append(',');
        out.append(rnd.nextInt(1000)).append(',');
        out.append(2020 + rnd.nextInt(5)).append('-').append(two(1 + rnd.nextInt(12))).append('-').append(two(1 + rnd.nextInt(28)))
                .append('T').append(two(rnd.nextInt(24))).append(':').append(two(rnd.nextInt(60))).append(':')
                .append(two(rnd.nextInt(60))).append("Z,");
        if (quoted) {
            out.append('"');
        }
        int words = 5 + rnd.nextInt(6);
        for (int w = 0; w < words; w++) {
            if (w > 0) {
                int p = rnd.nextInt(100);
                out.append(!quoted ? " " : p < 20 ? ", " : p < 23 ? "\n" : " ");
            }
            String word = WORDS[rnd.nextInt(WORDS.length)];
            if (rnd.nextInt(100) < 4 && quoted) {
                out.append("\"\"").append(word).append("\"\"");
            } else {
                out.append(word);
            }
        }
        if (quoted) {
            out.append('"');
        }
        out.append('\n');
    }

    private static String two(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    public long distinctKeys() {
        return distinct;
    }

    /** Writes the header and {@code rows} rows; returns the bytes written. */
    public long write(OutputStream out, long rows) throws IOException {
        long bytes = 0;
        byte[] h = HEADER.getBytes(StandardCharsets.UTF_8);
        out.write(h);
        bytes += h.length;
        for (long r = 0; r < rows; r++) {
            sb.setLength(0);
            row(sb);
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            out.write(b);
            bytes += b.length;
        }
        return bytes;
    }

    /** An in-memory file of {@code rows} rows (header included), for JMH. */
    public static byte[] bytes(int rows, long seed, double dupRate, boolean quoted) {
        ByteArrayOutputStream bos = new ByteArrayOutputStream(rows * 160);
        try {
            new CsvGen(seed, dupRate, quoted).write(bos, rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bos.toByteArray();
    }

    public static void main(String[] args) throws IOException {
        long rows = 1_000_000;
        long seed = 42;
        double dup = 0.2;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--rows" -> rows = Long.parseLong(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--dup-rate" -> dup = Double.parseDouble(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                default -> {
                    System.err.println("usage: CsvGen --rows N [--seed S] [--dup-rate R] --out FILE");
                    System.exit(2);
                }
            }
        }
        if (out == null) {
            System.err.println("usage: CsvGen --rows N [--seed S] [--dup-rate R] --out FILE");
            System.exit(2);
        }
        CsvGen g = new CsvGen(seed, dup);
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        long bytes;
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20)) {
            bytes = g.write(os, rows);
        }
        Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("rows=" + rows + " distinct=" + g.distinctKeys() + " bytes=" + bytes);
    }
}
