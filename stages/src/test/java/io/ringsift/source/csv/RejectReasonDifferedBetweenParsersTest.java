package io.ringsift.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.key.KeySpec;
import io.ringsift.record.Reject;
import io.ringsift.testing.CollectingSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (found by the pipeline fuzz test): a record with both invalid UTF-8 and the wrong
 * number of fields was rejected as "expected 2 fields, found 3" by {@code --parser fast} and as
 * "invalid UTF-8" by {@code --parser commons}, so rejects.csv depended on the parser. Both now check
 * framing, then UTF-8, then the field count.
 */
class RejectReasonDifferedBetweenParsersTest {
    @TempDir
    Path dir;

    @Test
    void aRecordWithInvalidUtf8AndTooManyFieldsHasOneReasonWhateverTheParser() throws Exception {
        Path f = dir.resolve("f.csv");
        Files.write(f, new byte[] {'k', ',', 'v', '\n', 'a', ',', 'b', '\n', (byte) 0xFF, ',', 'x', ',', 'y', '\n', 'c', ',', 'd', '\n'});
        CsvPlan plan = new CsvPlanner(CsvDialect.rfc4180(), KeySpec.wholeRecord(), 1, CsvPlanner.DEFAULT_SPLIT_BYTES).plan(List.of(f));
        for (CsvParser parser : CsvParser.values()) {
            CollectingSink sink = new CollectingSink();
            new CsvUnitReader(CsvDialect.rfc4180(), parser, false).read(plan.units().get(0), sink, sink);
            assertThat(sink.rejects()).as(parser.name()).extracting(Reject::line, Reject::reason)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(3L, "invalid UTF-8"));
            assertThat(sink.rows()).as(parser.name()).hasSize(2);
        }
    }
}
