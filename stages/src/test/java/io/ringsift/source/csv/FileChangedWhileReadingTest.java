package io.ringsift.source.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ringsift.key.KeySpec;
import io.ringsift.source.UnitResult;
import io.ringsift.testing.CollectingSink;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A file that changes between planning and reading: the plan fixed each unit's byte range, so a
 * reader that finds fewer bytes fails naming the file and the range, and a file deleted before its
 * turn fails naming the file. A file that grew is read up to its planned size (the plan is the
 * snapshot), so appended rows are not half-read.
 */
class FileChangedWhileReadingTest {
    @TempDir
    Path dir;

    private Path file(int rows) throws IOException {
        StringBuilder sb = new StringBuilder("key,v\n");
        for (int i = 0; i < rows; i++) {
            sb.append("k").append(i).append(",value-").append(i).append('\n');
        }
        Path p = dir.resolve("f.csv");
        Files.writeString(p, sb, StandardCharsets.UTF_8);
        return p;
    }

    private static CsvPlan plan(Path p, int readers, long split) throws Exception {
        return new CsvPlanner(CsvDialect.rfc4180(), new KeySpec(List.of("key")), readers, split).plan(List.of(p));
    }

    private static void truncate(Path p, long size) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        }
    }

    @ParameterizedTest
    @EnumSource(CsvParser.class)
    void truncatedAfterPlanningFailsNamingTheFileAndTheByteCounts(CsvParser parser) throws Exception {
        Path p = file(10_000);
        long size = Files.size(p);
        CsvPlan plan = plan(p, 1, CsvPlanner.DEFAULT_SPLIT_BYTES);
        truncate(p, size / 2);
        CsvUnitReader reader = new CsvUnitReader(CsvDialect.rfc4180(), parser, false);
        CollectingSink sink = new CollectingSink();
        assertThatThrownBy(() -> reader.read(plan.units().get(0), sink, sink))
                .isInstanceOf(IOException.class)
                .hasMessage(p + ": file changed since the run was planned: its size changed from " + size + " to " + size / 2 + " bytes");
    }

    @Test
    void aRangeBeyondTheNewEndFailsNamingTheRange() throws Exception {
        Path p = file(20_000);
        CsvPlan plan = plan(p, 4, 16 * 1024);
        assertThat(plan.units()).hasSizeGreaterThan(2);
        CsvUnit last = plan.units().get(plan.units().size() - 1);
        truncate(p, last.start() - 10);
        CsvUnitReader reader = new CsvUnitReader(CsvDialect.rfc4180(), CsvParser.FAST, false);
        CollectingSink sink = new CollectingSink();
        assertThatThrownBy(() -> reader.read(last, sink, sink))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith(p + " bytes " + last.start() + "-" + last.end() + " (from line " + last.firstLine()
                        + "): file changed since the run was planned: its size changed");
        assertThat(sink.rows()).isEmpty();
    }

    @Test
    void deletedBeforeItsTurnFailsNamingTheFile() throws Exception {
        Path p = file(100);
        CsvPlan plan = plan(p, 1, CsvPlanner.DEFAULT_SPLIT_BYTES);
        Files.delete(p);
        CsvUnitReader reader = new CsvUnitReader(CsvDialect.rfc4180(), CsvParser.FAST, false);
        CollectingSink sink = new CollectingSink();
        assertThatThrownBy(() -> reader.read(plan.units().get(0), sink, sink))
                .isInstanceOf(IOException.class)
                .hasMessage(p + ": file disappeared before it could be read");
    }

    /**
     * Was "appended after planning reads exactly the planned records": an append and an in-place
     * rewrite to a longer file look the same from outside, and the rewrite gave wrong counts with
     * {@code complete: true}, so since issue 11 any change of size, modification time or file key
     * after planning fails the unit that finds it.
     */
    @Test
    void appendedAfterPlanningFailsNamingTheFile() throws Exception {
        Path p = file(1000);
        long size = Files.size(p);
        CsvPlan plan = plan(p, 1, CsvPlanner.DEFAULT_SPLIT_BYTES);
        Files.writeString(p, "k-appended,late\n", StandardOpenOption.APPEND);
        CsvUnitReader reader = new CsvUnitReader(CsvDialect.rfc4180(), CsvParser.FAST, false);
        CollectingSink sink = new CollectingSink();
        assertThatThrownBy(() -> reader.read(plan.units().get(0), sink, sink))
                .isInstanceOf(IOException.class)
                .hasMessage(p + ": file changed since the run was planned: its size changed from " + size + " to " + (size + 16) + " bytes");
        assertThat(sink.rows()).isEmpty();
    }
}
