package io.ringsift.source.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringsift.key.KeySpec;
import io.ringsift.testing.CollectingSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 11, defect 3): an input replaced with {@code mv} during a split run gave
 * {@code complete: true} with wrong counts, because units reopened the file by path and checked
 * only its size. Every unit now checks the file key (inode), size and modification time of the
 * file it opened against the plan. The replacement here has the same size and modification time
 * as the original, so only the file key tells them apart.
 */
class InputReplacedDuringSplitRunTest {
    @TempDir
    Path dir;

    private Path csv(String name, String prefix) throws IOException {
        StringBuilder sb = new StringBuilder("key,v\n");
        for (int i = 0; i < 5_000; i++) {
            sb.append(prefix).append(String.format("%06d", i)).append(",v\n");
        }
        Path p = dir.resolve(name);
        Files.writeString(p, sb);
        return p;
    }

    @Test
    void aFileReplacedByMvBetweenTwoRangesFailsTheNextRangeNamingIt() throws Exception {
        Path p = csv("day.csv", "a");
        CsvPlan plan = new CsvPlanner(CsvDialect.rfc4180(), new KeySpec(List.of("key")), 4, 8 * 1024).plan(List.of(p));
        assertThat(plan.units()).hasSizeGreaterThan(2);
        CsvUnitReader reader = new CsvUnitReader(CsvDialect.rfc4180(), CsvParser.FAST, false);
        CollectingSink sink = new CollectingSink();
        reader.read(plan.units().get(0), sink, sink);

        Path other = csv("other.csv", "b");   // same length, other keys
        Files.setLastModifiedTime(other, Files.getLastModifiedTime(p));
        Files.move(other, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        assertThat(Files.size(p)).isEqualTo(plan.files().get(0).size());

        CsvUnit second = plan.units().get(1);
        assertThatThrownBy(() -> reader.read(second, sink, sink))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(second.describe() + ": file changed since the run was planned: it was replaced by another file");
    }

    @Test
    void aFileRewrittenInPlaceWithTheSameSizeFailsNamingIt() throws Exception {
        Path p = csv("day.csv", "a");
        CsvPlan plan = new CsvPlanner(CsvDialect.rfc4180(), new KeySpec(List.of("key")), 1, 8 * 1024).plan(List.of(p));
        Files.writeString(p, Files.readString(p).replace('a', 'c'));   // same inode, same size, new content
        Files.setLastModifiedTime(p, FileTime.fromMillis(Files.getLastModifiedTime(p).toMillis() + 2_000));
        CsvUnitReader reader = new CsvUnitReader(CsvDialect.rfc4180(), CsvParser.FAST, false);
        CollectingSink sink = new CollectingSink();
        assertThatThrownBy(() -> reader.read(plan.units().get(0), sink, sink))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(p + ": file changed since the run was planned: it was modified");
        assertThat(sink.rows()).isEmpty();
    }
}
