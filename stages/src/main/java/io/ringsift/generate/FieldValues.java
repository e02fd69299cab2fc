package io.ringsift.generate;

import java.time.Instant;
import java.util.SplittableRandom;

/**
 * Realistic field values, all drawn from one seeded random stream so output is reproducible.
 * Text is built to exercise CSV quoting (commas, doubled quotes, CR/LF inside fields) and Unicode
 * handling (accents, Cyrillic, Greek, CJK, Hangul, emoji with surrogate pairs and modifiers).
 */
final class FieldValues {
    /** 2020-01-01T00:00:00Z; timestamps fall in the five years after it. */
    static final long BASE_MILLIS = 1_577_836_800_000L;
    private static final long SPAN_MILLIS = 5L * 365 * 24 * 3600 * 1000;

    private static final String[] WORDS = {
        "order", "arrived", "late", "customer", "asked", "for", "a", "refund", "box", "damaged", "thanks",
        "please", "call", "back", "invoice", "missing", "item", "great", "service", "wrong", "size", "colour",
        "delivery", "window", "tomorrow", "morning", "left", "at", "door", "signed", "by", "neighbour",
    };
    private static final String[] FIRST = {
        "Ana", "Zoë", "José", "Łukasz", "Søren", "Françoise", "Nguyễn", "Дмитрий", "Αλέξανδρος", "王", "佐藤",
        "김", "Olúwaṣẹ́un", "Chloé", "Jürgen", "Aoife", "Siobhán", "İlkay",
    };
    private static final String[] LAST = {
        "Müller", "García", "Ångström", "O'Brien", "Kowalczyk", "Смирнов", "芳", "花子", "민준", "Dubois",
        "Núñez", "Håkansson", "van der Berg", "Øster", "Çelik", "Ó Briain",
    };
    private static final String[] EMOJI = {"🚀", "👍🏽", "❤️", "🇫🇷", "☕"};

    private final SplittableRandom random;
    private final StringBuilder sb = new StringBuilder(128);

    FieldValues(SplittableRandom random) {
        this.random = random;
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    int smallInt() {
        return random.nextInt(-50, 100_000);
    }

    long bigInt() {
        return random.nextLong(3_000_000_000L, Long.MAX_VALUE / 2);
    }

    /** Cents, so decimals have two places and round-trip exactly as text. */
    long cents() {
        return random.nextLong(-10_000, 5_000_000);
    }

    static String decimalText(long cents) {
        long abs = Math.abs(cents);
        long frac = abs % 100;
        return (cents < 0 ? "-" : "") + (abs / 100) + (frac < 10 ? ".0" : ".") + frac;
    }

    boolean bool() {
        return random.nextBoolean();
    }

    long epochMillis() {
        return BASE_MILLIS + random.nextLong(SPAN_MILLIS);
    }

    static String isoText(long epochMillis) {
        return Instant.ofEpochMilli(epochMillis).toString();
    }

    /** A short note: words, sometimes with a comma, a quoted word, or a line break inside. */
    String note() {
        if (chance(0.04)) {
            return "";
        }
        sb.setLength(0);
        int words = random.nextInt(2, 10);
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                sb.append(chance(0.05) ? (chance(0.2) ? "\r\n" : "\n") : " ");
            }
            String w = WORDS[random.nextInt(WORDS.length)];
            if (chance(0.06)) {
                sb.append('"').append(w).append('"');
            } else {
                sb.append(w);
            }
            if (i < words - 1 && chance(0.12)) {
                sb.append(',');
            }
        }
        return sb.toString();
    }

    /** A person's name from many scripts, sometimes followed by an emoji. */
    String name() {
        sb.setLength(0);
        sb.append(FIRST[random.nextInt(FIRST.length)]).append(' ').append(LAST[random.nextInt(LAST.length)]);
        if (chance(0.1)) {
            sb.append(' ').append(EMOJI[random.nextInt(EMOJI.length)]);
        }
        return sb.toString();
    }

    String city() {
        return LAST[random.nextInt(LAST.length)] + "ville";
    }

    String sku() {
        return "SKU-" + random.nextInt(10_000, 100_000);
    }

    int nextInt(int bound) {
        return random.nextInt(bound);
    }
}
