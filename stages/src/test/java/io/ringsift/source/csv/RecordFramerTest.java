package io.ringsift.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RecordFramerTest {

    private static List<Framed> frame(String csv, boolean trickle) throws IOException {
        return Framed.all(csv.getBytes(StandardCharsets.UTF_8), CsvDialect.rfc4180(), trickle);
    }

    @ParameterizedTest(name = "trickle={0}")
    @ValueSource(booleans = {false, true})
    void crlfLfAndLoneCrEachEndALine(boolean trickle) throws IOException {
        List<Framed> r = frame("a,b\r\nc,d\ne,f\rg,h", trickle);
        assertThat(r).extracting(Framed::fields).containsExactly(List.of("a", "b"), List.of("c", "d"), List.of("e", "f"), List.of("g", "h"));
        assertThat(r).extracting(Framed::line).containsExactly(1L, 2L, 3L, 4L);
    }

    @ParameterizedTest(name = "trickle={0}")
    @ValueSource(booleans = {false, true})
    void quotedNewlinesCountAsPhysicalLines(boolean trickle) throws IOException {
        List<Framed> r = frame("h1,h2\n\"x\r\ny\",1\n\"p\nq\rr\",2\nlast,3\n", trickle);
        assertThat(r).extracting(Framed::fields).containsExactly(List.of("h1", "h2"), List.of("x\r\ny", "1"), List.of("p\nq\rr", "2"), List.of("last", "3"));
        assertThat(r).extracting(Framed::line).containsExactly(1L, 2L, 4L, 7L);
    }

    @ParameterizedTest(name = "trickle={0}")
    @ValueSource(booleans = {false, true})
    void bomIsStrippedOnlyAtTheStart(boolean trickle) throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "key,v\n\uFEFFk,1\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, all, 0, 3);
        System.arraycopy(body, 0, all, 3, body.length);
        List<Framed> r = Framed.all(all, CsvDialect.rfc4180(), trickle);
        assertThat(r.get(0).fields()).containsExactly("key", "v");
        assertThat(r.get(1).fields()).containsExactly("\uFEFFk", "1");
    }

    @ParameterizedTest(name = "trickle={0}")
    @ValueSource(booleans = {false, true})
    void blankLinesAreSkippedButALineOfSpacesIsARecord(boolean trickle) throws IOException {
        List<Framed> r = frame("a\n\n\r\n   \n\"\"\nb", trickle);
        assertThat(r).extracting(Framed::fields).containsExactly(List.of("a"), List.of("   "), List.of(""), List.of("b"));
        assertThat(r).extracting(Framed::line).containsExactly(1L, 4L, 5L, 6L);
    }

    @ParameterizedTest(name = "trickle={0}")
    @ValueSource(booleans = {false, true})
    void doubledQuotesAndQuotedDelimiters(boolean trickle) throws IOException {
        List<Framed> r = frame("\"a,b\",\"say \"\"hi\"\"\",\"\"\"\",x\"y\n", trickle);
        assertThat(r.get(0).fields()).containsExactly("a,b", "say \"hi\"", "\"", "x\"y");
    }

    @ParameterizedTest(name = "trickle={0}")
    @ValueSource(booleans = {false, true})
    void spacesAfterAClosingQuoteAreDroppedLikeCommonsCsv(boolean trickle) throws IOException {
        assertThat(frame("\"a\"  ,b\n", trickle).get(0).fields()).containsExactly("a", "b");
    }

    @ParameterizedTest(name = "trickle={0}")
    @ValueSource(booleans = {false, true})
    void unterminatedQuoteRejectsFromItsLineToTheEnd(boolean trickle) throws IOException {
        List<Framed> r = frame("a,b\nc,\"open\nd,e\n", trickle);
        assertThat(r).hasSize(2);
        assertThat(r.get(1).problem()).isEqualTo(RecordFramer.Problem.UNTERMINATED_QUOTE);
        assertThat(r.get(1).line()).isEqualTo(2);
    }

    @ParameterizedTest(name = "trickle={0}")
    @ValueSource(booleans = {false, true})
    void characterAfterClosingQuoteRejectsTheRecordAndResyncsAtTheLineEnd(boolean trickle) throws IOException {
        List<Framed> r = frame("\"a\"x,1\nb,2\n", trickle);
        assertThat(r.get(0).problem()).isEqualTo(RecordFramer.Problem.CHAR_AFTER_QUOTE);
        assertThat(r.get(0).raw()).isEqualTo("\"a\"x,1");
        assertThat(r.get(1).fields()).containsExactly("b", "2");
        assertThat(r.get(1).line()).isEqualTo(2);
    }

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

    @ParameterizedTest(name = "trickle={0}")
    @ValueSource(booleans = {false, true})
    void otherDelimiterAndQuote(boolean trickle) throws IOException {
        CsvDialect d = new CsvDialect(';', '\'', true, 1 << 20, 1 << 20);
        List<Framed> r = Framed.all("'a;b';'it''s'\n".getBytes(StandardCharsets.UTF_8), d, trickle);
        assertThat(r.get(0).fields()).containsExactly("a;b", "it's");
    }

    @ParameterizedTest(name = "trickle={0}")
    @ValueSource(booleans = {false, true})
    void emptyFieldsAndTrailingDelimiter(boolean trickle) throws IOException {
        assertThat(frame(",,\n", trickle).get(0).fields()).containsExactly("", "", "");
        assertThat(frame("a,\n", trickle).get(0).fields()).containsExactly("a", "");
        assertThat(frame("a,", trickle).get(0).fields()).containsExactly("a", "");
    }

    @ParameterizedTest(name = "trickle={0}")
    @ValueSource(booleans = {false, true})
    void invalidUtf8IsRejectedNotReplaced(boolean trickle) throws IOException {
        byte[] bytes = {'a', ',', (byte) 0xC3, '\n', 'b', ',', (byte) 0xC3, (byte) 0xA9, '\n'};
        List<Framed> r = Framed.all(bytes, CsvDialect.rfc4180(), trickle);
        assertThat(r.get(0).fields()).isNull();
        assertThat(r.get(1).fields()).containsExactly("b", "é");
    }
}
