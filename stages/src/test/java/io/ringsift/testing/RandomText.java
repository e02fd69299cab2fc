package io.ringsift.testing;

import java.util.Random;

/** Random strings for seeded property tests: any UTF-16 unit (unpaired surrogates too), any code point, or a small alphabet. */
public final class RandomText {
    private RandomText() {
    }

    /**
     * Up to {@code maxLength} units: a quarter any UTF-16 unit, a quarter supplementary code points,
     * half from {@code alphabet} (chosen so that look-alikes and separators collide often).
     */
    public static String of(Random r, int maxLength, String alphabet) {
        StringBuilder sb = new StringBuilder();
        int len = r.nextInt(maxLength + 1);
        for (int i = 0; i < len; i++) {
            switch (r.nextInt(4)) {
                case 0 -> sb.append((char) r.nextInt(0x10000));
                case 1 -> sb.appendCodePoint(0x10000 + r.nextInt(0x100000));
                default -> sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
        }
        return sb.toString();
    }

    /** {@link #of} with separators, quotes, control bytes and a non-ASCII letter as the alphabet. */
    public static String of(Random r, int maxLength) {
        return of(r, maxLength, "ab,|\t\n\"\u0000\u0002é");
    }

    /** Up to {@code maxLength} characters, each from {@code alphabet}. */
    public static String from(Random r, int maxLength, String alphabet) {
        StringBuilder sb = new StringBuilder();
        int len = r.nextInt(maxLength + 1);
        for (int i = 0; i < len; i++) {
            sb.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
