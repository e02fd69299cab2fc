package io.ringsift.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Regression: with {@code --parser commons}, a record with the wrong field count had no raw text
 * (it was only kept for check output), so writing its reject threw a NullPointerException.
 */
class CommonsFieldCountRejectLostRawTextTest {
    @Test
    void wrongFieldCountRejectCarriesTheRecordText() throws Exception {
        byte[] csv = "a,b\n1,2\nonly-one\n3,4\n".getBytes(StandardCharsets.UTF_8);
        RecordFramer f = new RecordFramer(new ByteArrayInputStream(csv), Long.MAX_VALUE, 0, 1, CsvDialect.rfc4180());
        CommonsRowCursor c = new CommonsRowCursor(f, CsvDialect.rfc4180(), 2, false);
        int seen = 0;
        while (c.next()) {
            seen++;
            if (c.line() == 3) {
                assertThat(c.rejectReason()).isEqualTo("expected 2 fields, found 1");
                assertThat(new String(c.raw(false), StandardCharsets.UTF_8)).isEqualTo("only-one");
            }
        }
        assertThat(seen).isEqualTo(4);
    }
}
