package io.ringsift.job;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.key.KeySpec;
import io.ringsift.partial.FieldProfile;
import io.ringsift.partial.HashPairSet;
import io.ringsift.partial.StatsLevel;
import io.ringsift.record.ByteRow;
import io.ringsift.report.Report;
import io.ringsift.engine.WaitKind;
import io.ringsift.engine.EngineSettings;
import io.ringsift.engine.RunControl;
import io.ringsift.source.UnitReader;
import io.ringsift.source.UnitResult;
import io.ringsift.source.csv.CsvDialect;
import io.ringsift.source.csv.CsvParser;
import io.ringsift.source.csv.CsvPlanner;
import io.ringsift.source.csv.CsvUnit;
import io.ringsift.testing.Cli;
import io.ringsift.testing.NoThreadsLeft;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 11, defect 7): {@code --exact} out of heap ended with exit 1, a raw
 * OutOfMemoryError and no report, and a failed checkpoint write ended with no report. Every
 * failure now ends with exit 3 and a report marked {@code "complete": false} naming the cause,
 * and no filter.
 */
@Timeout(60)
class FailureAfterReadingHadNoReportTest {
    @TempDir
    Path dir;

    /** A CSV input with a hook before each unit is read, and an exact pass that runs out of heap on the main thread. */
    private static final class Faulty implements JobInput<CsvUnit, ByteRow> {
        final CsvInput real;
        final Consumer<CsvUnit> beforeRead;
        final boolean heapRunsOutInExactPass;

        Faulty(CsvInput real, Consumer<CsvUnit> beforeRead, boolean heapRunsOutInExactPass) {
            this.real = real;
            this.beforeRead = beforeRead;
            this.heapRunsOutInExactPass = heapRunsOutInExactPass;
        }

        @Override public String keySource() { return real.keySource(); }
        @Override public List<CsvUnit> units() { return real.units(); }
        @Override public String fingerprint() { return real.fingerprint(); }
        @Override public FieldProfile<? super ByteRow> newProfile(StatsLevel level) { return real.newProfile(level); }
        @Override public long estimatedKeys() { return real.estimatedKeys(); }
        @Override public List<Report.Source> sources(List<UnitResult> results) { return real.sources(results); }
        @Override public List<Report.Field> fields(FieldProfile<?> merged) { return real.fields(merged); }

        @Override
        public UnitReader<CsvUnit, ByteRow> newReader() {
            UnitReader<CsvUnit, ByteRow> r = real.newReader();
            return (u, sink, rejects) -> {
                beforeRead.accept(u);
                return r.read(u, sink, rejects);
            };
        }

        @Override
        public UnitReader<CsvUnit, ByteRow> newVerifyingReader(HashPairSet only) {
            if (heapRunsOutInExactPass) {
                throw new OutOfMemoryError("Java heap space");   // as when the candidate set outgrows -Xmx
            }
            return real.newVerifyingReader(only);
        }
    }

    private Faulty input(Consumer<CsvUnit> beforeRead, boolean oom) throws Exception {
        StringBuilder sb = new StringBuilder("key,v\n");
        for (int i = 0; i < 3000; i++) {
            sb.append('k').append(i % 2000).append(",v\n");
        }
        List<Path> files = List.of(dir.resolve("a.csv"), dir.resolve("b.csv"), dir.resolve("c.csv"));
        for (Path f : files) {
            Files.writeString(f, sb + "bad\n");
        }
        var plan = new CsvPlanner(CsvDialect.rfc4180(), new KeySpec(List.of("key")), 2, CsvPlanner.DEFAULT_SPLIT_BYTES).plan(files);
        return new Faulty(new CsvInput(plan, CsvDialect.rfc4180(), CsvParser.FAST, false), beforeRead, oom);
    }

    private static JobSettings settings(Path out, boolean exact, Path checkpoint) {
        return new JobSettings(out, new KeySpec(List.of("key")), 0.01, 10_000L, StatsLevel.FULL, -1,
                new EngineSettings(2, 2, 16, 64, WaitKind.BLOCKING), exact, checkpoint, false);
    }

    @Test
    void outOfMemoryInTheExactPassIsExit3WithAnIncompleteReport() throws Exception {
        Path out = dir.resolve("o");
        JobResult r = IngestJob.run("ingest csv", input(u -> { }, true), settings(out, true, null), new RunControl());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.report().complete()).isFalse();
        assertThat(r.report().stopReason()).isEqualTo("failed");
        assertThat(r.report().error()).isEqualTo("exact pass failed: Java heap space");
        assertThat(r.report().records()).isEqualTo(9000);
        assertThat(Cli.report(out).get("complete").asBoolean()).isFalse();
        assertThat(out.resolve("filter.bf")).doesNotExist();
        assertThat(out.resolve("rejects.csv")).exists();
        NoThreadsLeft.check();
    }

    @Test
    void aFailedCheckpointWriteIsExit3WithAnIncompleteReport() throws Exception {
        Path out = dir.resolve("o");
        Path cp = dir.resolve("cp");
        // a non-empty directory where the first epoch's state file must go: its rename fails
        JobResult r = IngestJob.run("ingest csv", input(u -> {
            try {
                Files.createDirectories(cp.resolve("state-1-0.bin").resolve("in-the-way"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, false), settings(out, false, cp), new RunControl());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.report().complete()).isFalse();
        assertThat(r.report().error()).startsWith("checkpoint failed on " + cp + ": cannot write " + cp.toAbsolutePath().resolve("state-1-0.bin"));
        assertThat(Cli.report(out).get("stopReason").asText()).isEqualTo("failed");
        assertThat(out.resolve("filter.bf")).doesNotExist();
        NoThreadsLeft.check();
    }
}
