package io.ringsift.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The delimiter is the candidate that splits every record alike; a delimiter inside quotes does not count. */
class DialectSnifferTest {

    /** A file whose quoted fields hold every other candidate and the delimiter itself, so only quote-aware counting gets it right. */
    private static byte[] file(char d, int rows, long seed) {
        Random rnd = new Random(seed);
        StringBuilder sb = new StringBuilder();
        sb.append("id").append(d).append("name").append(d).append("note").append('\n');
        for (int i = 0; i < rows; i++) {
            sb.append(i).append(d);
            sb.append('"').append("x").append(d).append("y;z|w,v\tu").append('"').append(d);
            sb.append(rnd.nextBoolean() ? "plain" : "\"multi\nline " + d + "\"").append('\n');
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @ValueSource(chars = {',', ';', '\t', '|'})
    void eachCandidateIsFoundDespiteDelimitersInsideQuotes(char d) {
        for (long seed = 0; seed < 5; seed++) {
            byte[] f = file(d, 50, seed);
            DialectSniffer.Result r = DialectSniffer.sniff(f, true, CsvDialect.rfc4180());
            assertThat(r.delimiter()).as("seed %d", seed).isEqualTo(d);
            assertThat(r.chosen().fields()).isEqualTo(3);
            assertThat(r.describe()).contains("3 fields in every one");
        }
    }

    @ParameterizedTest
    @ValueSource(chars = {',', ';', '\t', '|'})
    void aSampleCutInsideARecordIgnoresThatLastRecord(char d) {
        byte[] f = file(d, 20_000, 7);
        assertThat(f.length).isGreaterThan(DialectSniffer.SNIFF_BYTES);
        assertThat(DialectSniffer.sniff(f, false, CsvDialect.rfc4180()).delimiter()).isEqualTo(d);
    }

    @Test
    void oneColumnIsCommaSeparated() {
        DialectSniffer.Result r = DialectSniffer.sniff("id\n1\n2\n".getBytes(StandardCharsets.UTF_8), true, CsvDialect.rfc4180());
        assertThat(r.delimiter()).isEqualTo(',');
        assertThat(r.describe()).contains("one column");
    }

    @Test
    void theHintSplitsTheHeaderByTheCandidateThatFitsBest() {
        byte[] tsv = "id\trate\n1\t2\n".getBytes(StandardCharsets.UTF_8);
        assertThat(DialectSniffer.hint(tsv, CsvDialect.rfc4180(), 1))
                .isEqualTo("split by tab the header is [id, rate]: looks tab-separated: try --delimiter tab");
        assertThat(DialectSniffer.hint("id,rate\n".getBytes(StandardCharsets.UTF_8), CsvDialect.rfc4180(), 2)).isNull();
    }
}
