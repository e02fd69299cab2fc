package io.ringsift.filter;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.key.KeyEncoder;
import io.ringsift.key.KeyHash;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A filter file written by the format v1 writer (samples/orders-2026-01.csv, {@code --key key},
 * committed as it came out) still loads, answers for its keys, and is rewritten as v2 with the
 * same answers.
 */
class FormatV1FilesStillLoadTest {
    private static final List<String> KEYS = List.of("A-1001", "A-1002", "A-1003", "A-1004", "A-1005", "A-1006", "A-1007",
            "A-1008", "A-1009", "A-1010");

    @Test
    void aV1FileLoadsAndAnswersForItsKeys(@TempDir Path tmp) throws Exception {
        Path v1 = tmp.resolve("v1.bf");
        try (var in = getClass().getResourceAsStream("v1-orders-2026-01.bf")) {
            Files.copy(in, v1);
        }
        LoadedFilter f = FilterFile.read(v1);
        assertThat(f.header().formatVersion()).isEqualTo(1);
        assertThat(f.header().countMethod()).isEqualTo(FilterHeader.COUNT_BLOOM);
        assertThat(f.header().distinctKeys()).isEqualTo(-1);
        assertThat(f.header().records()).isEqualTo(11);
        for (String k : KEYS) {
            assertThat(f.mightContain(hash(k))).as(k).isTrue();
        }
        assertThat(f.mightContain(hash("B-0001"))).isFalse();

        Path v2 = tmp.resolve("v2.bf");
        FilterFile.write(v2, f.header().withContent(f.chain(), 11, 1, FilterHeader.COUNT_BLOOM, -1, f.header().createdAt()), f.chain());
        LoadedFilter again = FilterFile.read(v2);
        assertThat(again.header().formatVersion()).isEqualTo(FilterFile.FORMAT_VERSION);
        assertThat(again.header().bits()).isEqualTo(f.header().bits());
        for (String k : KEYS) {
            assertThat(again.mightContain(hash(k))).as(k).isTrue();
        }
    }

    private static KeyHash hash(String key) {
        KeyEncoder e = new KeyEncoder();
        e.reset();
        e.addString(key);
        return e.hash(new KeyHash());
    }
}
