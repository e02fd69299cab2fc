package io.ringsift.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The word-at-a-time framer ({@link RecordFramer.Scan#WORDS}, eight bytes per step) against the byte-by-byte one
 * ({@link RecordFramer.Scan#BYTEWISE}): the same records, fields, escapes, problems, lines, offsets and lengths on
 * random damaged input, read through random short reads so buffer ends fall everywhere.
 */
class WordAtATimeFramingTest {
    private static final byte[] SPECIALS = {',', ';', '\t', '"', '\'', '\n', '\r', ' ', (byte) 0xFF, 0, (byte) 0x80, 'a'};

    /** Everything the framer says about one record. */
    record Seen(long line, long offset, long length, long nextLine, RecordFramer.Problem problem, boolean truncated,
                List<String> fields) {}

    static List<Seen> frame(byte[] bytes, CsvDialect d, RecordFramer.Scan scan, long readSeed) throws IOException {
        InputStream in = new ShortReads(new ByteArrayInputStream(bytes), readSeed);
        RecordFramer f = new RecordFramer(in, Long.MAX_VALUE, 0, 1, d, scan);
        List<Seen> out = new ArrayList<>();
        while (f.next()) {
            List<String> fields = new ArrayList<>();
            if (!f.truncated()) {
                for (int i = 0; i < f.fieldCount(); i++) {
                    fields.add(new String(f.buffer(), f.fieldStart(i), f.fieldEnd(i) - f.fieldStart(i), StandardCharsets.ISO_8859_1)
                            + (f.fieldEscaped(i) ? "/esc" : ""));
                }
            }
            out.add(new Seen(f.recordLine(), f.recordOffset(), f.recordLength(), f.currentLine(), f.problem(), f.truncated(), fields));
        }
        return out;
    }

    static Stream<Arguments> randomInputs() {
        return LongStream.range(0, 400).mapToObj(seed -> {
            Random r = new Random(seed);
            char delimiter = new char[] {',', ';', '\t', '|'}[r.nextInt(4)];
            char quote = r.nextInt(4) == 0 ? '\'' : '"';
            // small limits now and then, so the too-large paths run inside the fast scan too
            CsvDialect d = r.nextInt(5) == 0
                    ? CsvDialect.rfc4180().withDelimiter(delimiter).withLimits(8 + r.nextInt(64), 4 + r.nextInt(32))
                    : CsvDialect.rfc4180().withDelimiter(delimiter);
            d = new CsvDialect(d.delimiter(), quote, true, d.maxRecordBytes(), d.maxFieldBytes());
            return Arguments.of(seed, d, damagedCsv(r, d));
        });
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("randomInputs")
    void wordsFrameExactlyLikeBytes(long seed, CsvDialect d, byte[] bytes) throws IOException {
        List<Seen> reference = frame(bytes, d, RecordFramer.Scan.BYTEWISE, seed);
        assertThat(frame(bytes, d, RecordFramer.Scan.WORDS, seed)).isEqualTo(reference);
        // the same with every read as large as the buffer allows, the usual case (compared with bytes read the same way:
        // with small limits, whether a long record is cut short before its long field ends depends on where reads end)
        assertThat(frame(bytes, d, RecordFramer.Scan.WORDS, -1)).isEqualTo(frame(bytes, d, RecordFramer.Scan.BYTEWISE, -1));
    }

    /** Each special byte at each of the 16 positions around two 8-byte words, inside quoted and unquoted fields. */
    static Stream<Arguments> everySpecialAtEveryOffset() {
        return IntStream.range(0, SPECIALS.length).boxed().flatMap(s -> IntStream.range(0, 17).boxed().flatMap(at ->
                Stream.of(true, false).map(quoted -> Arguments.of(SPECIALS[s] & 0xFF, at, quoted))));
    }

    @ParameterizedTest(name = "byte {0} at {1}, quoted {2}")
    @MethodSource("everySpecialAtEveryOffset")
    void aSpecialByteIsFoundWhereverItSitsInAWord(int special, int at, boolean quoted) throws IOException {
        CsvDialect d = CsvDialect.rfc4180();
        for (int lead = 0; lead < 8; lead++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes("h,i\n".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes("x".repeat(lead).getBytes(StandardCharsets.US_ASCII));
            out.write(',');
            if (quoted) {
                out.write('"');
            }
            byte[] field = "abcdefghijklmnopq".getBytes(StandardCharsets.US_ASCII);
            field[at] = (byte) special;
            out.writeBytes(field);
            if (quoted) {
                out.write('"');
            }
            out.writeBytes(",tail\nnext,row\r\n".getBytes(StandardCharsets.US_ASCII));
            byte[] bytes = out.toByteArray();
            List<Seen> reference = frame(bytes, d, RecordFramer.Scan.BYTEWISE, -1);
            assertThat(frame(bytes, d, RecordFramer.Scan.WORDS, -1)).as("lead %d", lead).isEqualTo(reference);
            assertThat(frame(bytes, d, RecordFramer.Scan.WORDS, lead)).as("lead %d, short reads", lead).isEqualTo(reference);
        }
    }

    /** Rows of random fields (quoted or not, with specials inside), then some damage: stray quotes, cut rows, junk bytes. */
    static byte[] damagedCsv(Random r, CsvDialect d) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (r.nextInt(4) == 0) {
            out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        String[] eols = {"\n", "\r\n", "\r"};
        int rows = 1 + r.nextInt(30);
        int cols = 1 + r.nextInt(6);
        for (int i = 0; i < rows; i++) {
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int c = 0; c < cols; c++) {
                if (c > 0) {
                    line.write(d.delimiter());
                }
                byte[] v = randomValue(r, d);
                if (r.nextInt(3) == 0) {
                    line.write(d.quote());
                    for (byte b : v) {
                        line.write(b);
                        if (b == (byte) d.quote().charValue()) {
                            line.write(b);
                        }
                    }
                    line.write(d.quote());
                    if (r.nextInt(10) == 0) {
                        line.writeBytes(r.nextBoolean() ? " \t".getBytes(StandardCharsets.US_ASCII) : "x".getBytes(StandardCharsets.US_ASCII));
                    }
                } else {
                    for (byte b : v) {
                        line.write(b == (byte) d.delimiter() || b == '\n' || b == '\r' ? 'z' : b);
                    }
                }
            }
            byte[] l = line.toByteArray();
            if (l.length > 0 && r.nextInt(5) == 0) {
                switch (r.nextInt(4)) {
                    case 0 -> l[r.nextInt(l.length)] = (byte) d.quote().charValue();
                    case 1 -> l[r.nextInt(l.length)] = SPECIALS[r.nextInt(SPECIALS.length)];
                    case 2 -> l = java.util.Arrays.copyOf(l, r.nextInt(l.length));
                    default -> l[r.nextInt(l.length)] = (byte) (r.nextBoolean() ? '\n' : '\r');
                }
            }
            out.writeBytes(l);
            if (i < rows - 1 || r.nextBoolean()) {
                out.writeBytes(eols[r.nextInt(eols.length)].getBytes(StandardCharsets.US_ASCII));
            }
            if (r.nextInt(8) == 0) {
                out.writeBytes(eols[r.nextInt(eols.length)].getBytes(StandardCharsets.US_ASCII));
            }
        }
        return out.toByteArray();
    }

    private static byte[] randomValue(Random r, CsvDialect d) {
        int n = r.nextInt(4) == 0 ? r.nextInt(40) : r.nextInt(10);
        byte[] v = new byte[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextInt(6) == 0 ? SPECIALS[r.nextInt(SPECIALS.length)] : (byte) ('a' + r.nextInt(26));
            if (r.nextInt(20) == 0) {
                v[i] = (byte) d.quote().charValue();
            }
        }
        return v;
    }

    /** Reads of random length (1 to 20 bytes), so buffer ends land at every offset; seed -1 passes reads through. */
    static final class ShortReads extends FilterInputStream {
        private final Random r;
        private final boolean passThrough;

        ShortReads(InputStream in, long seed) {
            super(in);
            this.r = new Random(seed);
            this.passThrough = seed == -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return super.read(b, off, passThrough ? len : Math.min(len, 1 + r.nextInt(20)));
        }
    }
}
