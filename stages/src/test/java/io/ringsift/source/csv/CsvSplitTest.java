package io.ringsift.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.key.KeySpec;
import io.ringsift.record.Reject;
import io.ringsift.testing.CollectingSink;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A file split into byte ranges reads exactly like the same file read whole by one thread. */
class CsvSplitTest {
    @TempDir
    Path dir;

    /** Rows with quoted newlines and quoted line-like text everywhere, so a naive split at "\n" would land inside quotes. */
    private Path trickyFile(int rows, long seed) throws IOException {
        Random r = new Random(seed);
        StringBuilder sb = new StringBuilder("key,text,n\r\n");
        for (int i = 0; i < rows; i++) {
            String text = switch (r.nextInt(5)) {
                case 0 -> "\"line\nk" + i + ",fake,row\n\"";
                case 1 -> "\"quote \"\" and \r\n crlf\"";
                case 2 -> "plain " + i;
                case 3 -> "\"\"";
                default -> "\"a,b\"";
            };
            sb.append("k").append(r.nextInt(rows)).append(',').append(text).append(',').append(i).append(i % 7 == 0 ? "\n" : "\r\n");
            if (i % 97 == 0) {
                sb.append("bad,row\n");      // wrong field count: a reject with its line
            }
            if (i % 101 == 0) {
                sb.append("\n");             // a blank line
            }
        }
        Path p = dir.resolve("tricky.csv");
        Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
        return p;
    }

    private static CollectingSink readAll(CsvPlan plan, CsvParser parser) throws IOException {
        CollectingSink sink = new CollectingSink();
        CsvUnitReader reader = new CsvUnitReader(CsvDialect.rfc4180(), parser, false);
        for (CsvUnit u : plan.units()) {
            reader.read(u, sink, sink);
        }
        return sink;
    }

    private static List<String> rowsByLine(CollectingSink s) {
        List<String> out = new ArrayList<>();
        s.rows().stream().sorted(Comparator.comparingLong(CollectingSink.Row::line))
                .forEach(r -> out.add(r.line() + ":" + String.join("|", (String[]) r.row())));
        return out;
    }

    private static List<String> rejectsByLine(CollectingSink s) {
        return s.rejects().stream().sorted(Comparator.comparingLong(Reject::line)).map(r -> r.line() + ":" + r.reason()).toList();
    }

    @ParameterizedTest
    @EnumSource(CsvParser.class)
    void splitRangesStartOnRecordBoundariesAndReadLikeOneThread(CsvParser parser) throws Exception {
        Path file = trickyFile(5000, 42);
        CsvPlan whole = new CsvPlanner(CsvDialect.rfc4180(), new KeySpec(List.of("key")), 1, 1 << 30).plan(List.of(file));
        CsvPlan split = new CsvPlanner(CsvDialect.rfc4180(), new KeySpec(List.of("key")), 4, 4096).plan(List.of(file));
        assertThat(whole.units()).hasSize(1);
        assertThat(split.units()).hasSizeGreaterThan(8);
        // ranges tile the file exactly
        long expectedStart = 0;
        for (CsvUnit u : split.units()) {
            assertThat(u.start()).isEqualTo(expectedStart);
            expectedStart = u.end();
        }
        assertThat(expectedStart).isEqualTo(Files.size(file));

        CollectingSink one = readAll(whole, parser);
        CollectingSink many = readAll(split, parser);
        assertThat(one.rows()).hasSize(5000);
        assertThat(rowsByLine(many)).isEqualTo(rowsByLine(one));
        assertThat(rejectsByLine(many)).isEqualTo(rejectsByLine(one)).hasSize(52);
    }

    @Test
    void aRangeBoundaryIsNeverInsideAQuotedField() throws Exception {
        Path file = trickyFile(3000, 7);
        byte[] bytes = Files.readAllBytes(file);
        CsvPlan split = new CsvPlanner(CsvDialect.rfc4180(), KeySpec.wholeRecord(), 8, 2048).plan(List.of(file));
        for (CsvUnit u : split.units()) {
            if (u.start() == 0) {
                continue;
            }
            // quote parity of everything before the boundary is even, and the byte before it ends a line
            long quotes = 0;
            for (int i = 0; i < u.start(); i++) {
                if (bytes[i] == '"') {
                    quotes++;
                }
            }
            assertThat(quotes % 2).as("quotes before %s", u.describe()).isZero();
            assertThat(bytes[(int) u.start() - 1]).isEqualTo((byte) '\n');
        }
    }
}
