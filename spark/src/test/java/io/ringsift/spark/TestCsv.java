package io.ringsift.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Seeded CSV files that exercise what a split read can get wrong: duplicate keys across files,
 * quoted fields with commas, doubled quotes and CR/LF/CRLF line breaks inside quotes, mixed line
 * endings, and bad records (wrong field count, a stray byte after a closing quote, invalid UTF-8)
 * that must become rejects with their exact line.
 */
final class TestCsv {
    private TestCsv() {
    }

    static Path write(Path dir, String name, long seed, int rows, int keySpace) throws IOException {
        Random r = new Random(seed);
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        put(b, "id,name,amount,note\n");
        for (int i = 0; i < rows; i++) {
            String eol = switch (r.nextInt(5)) {
                case 0 -> "\r\n";
                default -> "\n";
            };
            int kind = r.nextInt(40);
            String id = "k" + r.nextInt(keySpace);
            if (kind == 0) {
                put(b, id + ",short row" + eol);                       // wrong field count
            } else if (kind == 1) {
                put(b, id + ",\"closed\"x,1,n" + eol);                // a byte after the closing quote
            } else if (kind == 2) {
                put(b, id + ",");
                b.write(new byte[] {(byte) 0xC3, (byte) 0x28}, 0, 2);  // invalid UTF-8
                put(b, ",3,bad" + eol);
            } else {
                String amount = r.nextBoolean() ? Integer.toString(r.nextInt(100000)) : (r.nextInt(1000) + "." + r.nextInt(100));
                put(b, id + "," + name(r) + "," + amount + "," + note(r) + eol);
            }
        }
        Path p = dir.resolve(name);
        Files.write(p, b.toByteArray());
        return p;
    }

    private static String name(Random r) {
        StringBuilder s = new StringBuilder();
        for (int i = 0, n = 1 + r.nextInt(12); i < n; i++) {
            s.append((char) ('a' + r.nextInt(26)));
        }
        return r.nextInt(10) == 0 ? s + " é" : s.toString();
    }

    private static String note(Random r) {
        return switch (r.nextInt(6)) {
            case 0 -> "\"line one\nline two, with comma\"";
            case 1 -> "\"says \"\"hi\"\"\r\nthen\rmore\"";
            case 2 -> "\"\n\n\"";
            case 3 -> "";
            default -> "plain" + r.nextInt(1000);
        };
    }

    private static void put(ByteArrayOutputStream b, String s) {
        b.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
