package io.ringsift.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The framer's own mechanics. The dialect itself (line ends, quotes, BOM, blank lines, rejects and
 * their lines) is specified as data in {@code src/test/resources/csv-spec/}, read by {@link CsvSpecTest}.
 */
class RecordFramerTest {

    @ParameterizedTest(name = "trickle={0}")
    @ValueSource(booleans = {false, true})
    void recordLongerThanTheLimitIsRejectedWithoutBufferingIt(boolean trickle) throws IOException {
        String big = "x".repeat(5000);
        CsvDialect small = CsvDialect.rfc4180().withLimits(1000, 1000);
        List<Framed> r = Framed.all(("a,1\n\"" + big + "\n" + big + "\",2\nb,3\n").getBytes(StandardCharsets.UTF_8), small, trickle);
        assertThat(r).hasSize(3);
        assertThat(r.get(1).problem()).isEqualTo(RecordFramer.Problem.RECORD_TOO_LARGE);
        assertThat(r.get(1).line()).isEqualTo(2);
        assertThat(r.get(1).raw()).startsWith("<").endsWith("bytes not kept>");
        assertThat(r.get(2).fields()).containsExactly("b", "3");
        assertThat(r.get(2).line()).isEqualTo(4);
    }

    @ParameterizedTest(name = "trickle={0}")
    @ValueSource(booleans = {false, true})
    void fieldLongerThanTheLimitIsRejected(boolean trickle) throws IOException {
        CsvDialect small = CsvDialect.rfc4180().withLimits(10_000, 10);
        List<Framed> r = Framed.all(("a,12345678901\nb,2\n").getBytes(StandardCharsets.UTF_8), small, trickle);
        assertThat(r.get(0).problem()).isEqualTo(RecordFramer.Problem.FIELD_TOO_LARGE);
        assertThat(r.get(1).fields()).containsExactly("b", "2");
    }
}
