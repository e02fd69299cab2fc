package io.ringsift.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.record.Reject;
import org.junit.jupiter.api.Test;

class RejectTallyTest {
    @Test
    void reasonsGroupByTheirTextBeforeTheFirstColonAndAddUp() {
        RejectTally t = new RejectTally();
        t.add(new Reject("a.csv", 2, null, "expected 3 fields, found 2", "x,y"));
        t.add(new Reject("a.csv", 3, null, "expected 3 fields, found 2", "x,z"));
        t.add(new Reject("a.csv", 4, null, "invalid character after closing quote: the record runs across 3 lines from line 4; ...",
                "\"a\nb…[9 more bytes]"));
        t.add(new Reject("a.csv", 9, null, "invalid character after closing quote", "\"a\"x"));
        assertThat(t.counted()).isEqualTo(4);
        assertThat(t.reasons()).containsExactly(new Report.RejectReason("expected 3 fields, found 2", 2),
                new Report.RejectReason("invalid character after closing quote", 2));
        assertThat(t.warnings()).singleElement().asString().startsWith("1 rejected record with a quote problem holds 3 lines")
                .contains("earliest at a.csv line 4");
    }

    @Test
    void pastFiftyReasonsTheRestAreOther() {
        RejectTally t = new RejectTally();
        for (int i = 0; i < 60; i++) {
            t.add(new Reject("m", 0, "{\"$oid\": \"" + i + "\"}", "reason " + i, null));
        }
        assertThat(t.reasons()).hasSize(RejectTally.MAX_REASONS + 1);
        assertThat(t.reasons().get(0)).isEqualTo(new Report.RejectReason(RejectTally.OTHER, 10));
        assertThat(t.reasons().stream().mapToLong(Report.RejectReason::count).sum()).isEqualTo(60);
        assertThat(t.warnings()).isEmpty();
    }
}
