package io.ringsift.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parallel boundary finding against the sequential readers: chunks cut anywhere, summarised alone
 * ({@link ChunkSummary}), resolved by the prefix pass ({@link QuoteParityResolver}), give exactly the record
 * starts and lines that one {@link RecordFramer} (and the sequential {@link BoundaryScanner}) finds reading
 * the whole input, on random input with quoted newlines, doubled quotes, CR/LF/CRLF, blank lines and damage.
 */
class ChunkSummaryTest {

    record Input(byte[] bytes, CsvDialect dialect) {}

    static Stream<Arguments> inputs() {
        return LongStream.range(0, 300).mapToObj(seed -> {
            Random r = new Random(seed);
            char delimiter = new char[] {',', ';', '\t', '|'}[r.nextInt(4)];
            CsvDialect d = CsvDialect.rfc4180().withDelimiter(delimiter);
            byte[] bytes = r.nextBoolean() ? WordAtATimeFramingTest.damagedCsv(r, d) : quotedLines(r, delimiter);
            return Arguments.of(seed, new Input(bytes, d));
        });
    }

    /** Valid rows whose quoted fields hold line breaks and text that looks like rows, so a wrong quote guess finds false starts. */
    static byte[] quotedLines(Random r, char d) {
        StringBuilder sb = new StringBuilder(r.nextBoolean() ? "\uFEFF" : "").append("key").append(d).append("text\r\n");
        int rows = 1 + r.nextInt(40);
        for (int i = 0; i < rows; i++) {
            String text = switch (r.nextInt(6)) {
                case 0 -> "\"line\nk" + i + d + "\"\"fake\"\"" + d + "row\n\"";
                case 1 -> "\"quote \"\" and \r\n crlf\r\"";
                case 2 -> "plain " + i;
                case 3 -> "\"\"";
                case 4 -> "\"\n" + d + "\"\"\n\"";
                default -> "\"a" + d + "b\"";
            };
            sb.append('k').append(r.nextInt(100)).append(d).append(text).append(new String[] {"\n", "\r\n", "\r"}[r.nextInt(3)]);
            if (r.nextInt(10) == 0) {
                sb.append("\n");
            }
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Every record start after offset 0 as one framer reading the whole input sees it. */
    static List<BoundaryScanner.Cut> framerStarts(Input in) throws IOException {
        RecordFramer f = new RecordFramer(new ByteArrayInputStream(in.bytes), Long.MAX_VALUE, 0, 1, in.dialect);
        List<BoundaryScanner.Cut> all = new ArrayList<>();
        while (f.next()) {
            if (f.recordOffset() > 0) {
                all.add(new BoundaryScanner.Cut(f.recordOffset(), f.recordLine()));
            }
        }
        return all;
    }

    /** Summary of {@code b[from..to)} made from random sub-pieces composed with {@link ChunkSummary#then}. */
    static ChunkSummary composed(byte[] b, int from, int to, CsvDialect d, Random r) {
        ChunkSummary s = null;
        int p = from;
        while (p < to) {
            int n = Math.min(to - p, from == 0 && p == 0 ? Math.max(3, 1 + r.nextInt(12)) : 1 + r.nextInt(12));
            ChunkSummary piece = ChunkSummary.of(b, p, n, p == 0, d);
            s = s == null ? piece : s.then(piece);
            p += n;
        }
        return s;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("inputs")
    void chunksResolveToTheFramersRecordStartsAndLines(long seed, Input in) throws IOException {
        byte[] b = in.bytes;
        List<BoundaryScanner.Cut> truth = framerStarts(in);
        assertThat(BoundaryScanner.cuts(new ByteArrayInputStream(b), b.length, 1, in.dialect)).isEqualTo(truth);
        Random r = new Random(seed);
        for (int round = 0; round < 6; round++) {
            // cut points anywhere (chunks of 1 byte included), the first chunk at least 3 bytes for the BOM
            TreeSet<Integer> cuts = new TreeSet<>();
            int pieces = 1 + r.nextInt(round < 3 ? 6 : Math.max(1, b.length / 2));
            for (int i = 0; i < pieces && b.length > 3; i++) {
                cuts.add(3 + r.nextInt(b.length - 3));
            }
            cuts.add(b.length);
            List<ChunkSummary> chunks = new ArrayList<>();
            List<Integer> chunkStarts = new ArrayList<>();
            int from = 0;
            for (int to : cuts) {
                ChunkSummary direct = ChunkSummary.of(b, from, to - from, from == 0, in.dialect);
                assertThat(composed(b, from, to, in.dialect, r)).as("chunk [%d, %d) from sub-pieces", from, to).isEqualTo(direct);
                chunks.add(direct);
                chunkStarts.add(from);
                from = to;
            }
            List<QuoteParityResolver.Start> expected = new ArrayList<>();
            for (int k = 1; k < chunkStarts.size(); k++) {
                int start = chunkStarts.get(k);
                int end = k + 1 < chunkStarts.size() ? chunkStarts.get(k + 1) : b.length;
                final int chunk = k;
                truth.stream().filter(c -> c.offset() >= start).findFirst().filter(c -> c.offset() < end)
                        .ifPresent(c -> expected.add(new QuoteParityResolver.Start(chunk, c.offset(), c.line())));
            }
            assertThat(QuoteParityResolver.recordStarts(chunks)).as("cuts %s", cuts).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("inputs")
    void lineEndsAreCountedEightBytesAtATimeAsOneByOne(long seed, Input in) {
        byte[] b = in.bytes;
        Random r = new Random(seed);
        for (int i = 0; i < 20; i++) {
            int from = r.nextInt(b.length + 1);
            int to = from + r.nextInt(b.length - from + 1);
            boolean crBefore = r.nextBoolean();
            long slow = 0;
            boolean prevCr = crBefore;
            for (int p = from; p < to; p++) {
                if (b[p] == '\r' || b[p] == '\n' && !prevCr) {
                    slow++;
                }
                prevCr = b[p] == '\r';
            }
            assertThat(Swar.lineEnds(b, from, to, crBefore)).isEqualTo(slow);
        }
    }
}
