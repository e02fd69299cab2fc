package io.ringsift.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringsift.key.KeySpec;
import io.ringsift.partial.FieldProfile;
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
import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults inside a whole ingest job (planner, engine, reducer, outputs) with a fault injected into a
 * real CSV input: the job ends with exit code 3, a report marked incomplete that names where it
 * failed, no filter file, no rejects file, and no thread left.
 */
@Timeout(60)
class JobFaultsTest {
    @TempDir
    Path dir;

    private static final CsvDialect DIALECT = CsvDialect.rfc4180();
    private static final KeySpec KEY = new KeySpec(List.of("key"));

    private List<Path> files(int n, int rows) throws IOException {
        List<Path> out = new ArrayList<>();
        for (int f = 0; f < n; f++) {
            StringBuilder sb = new StringBuilder("key,v\n");
            for (int i = 0; i < rows; i++) {
                sb.append("k").append(i % (rows / 2)).append(",f").append(f).append('-').append(i).append('\n');
            }
            Path p = dir.resolve("f" + f + ".csv");
            Files.writeString(p, sb);
            out.add(p);
        }
        return out;
    }

    /** CsvInput with a hook before each unit is read and, optionally, a field profile of our choosing. */
    private static final class FaultyInput implements JobInput<CsvUnit, ByteRow> {
        final CsvInput real;
        final Consumer<CsvUnit> beforeRead;
        final Supplier<FieldProfile<ByteRow>> profile;

        FaultyInput(CsvInput real, Consumer<CsvUnit> beforeRead, Supplier<FieldProfile<ByteRow>> profile) {
            this.real = real;
            this.beforeRead = beforeRead;
            this.profile = profile;
        }

        @Override
        public String keySource() {
            return real.keySource();
        }

        @Override
        public List<CsvUnit> units() {
            return real.units();
        }

        @Override
        public String fingerprint() {
            return real.fingerprint();
        }

        @Override
        public FieldProfile<? super ByteRow> newProfile(StatsLevel level) {
            return profile != null ? profile.get() : real.newProfile(level);
        }

        @Override
        public long estimatedKeys() {
            return real.estimatedKeys();
        }

        @Override
        public List<Report.Source> sources(List<UnitResult> results) {
            return real.sources(results);
        }

        @Override
        public List<Report.Field> fields(FieldProfile<?> merged) {
            return profile != null ? List.of() : real.fields(merged);
        }

        @Override
        public UnitReader<CsvUnit, ByteRow> newReader() {
            UnitReader<CsvUnit, ByteRow> r = real.newReader();
            return (u, sink, rejects) -> {
                beforeRead.accept(u);
                return r.read(u, sink, rejects);
            };
        }
    }

    private JobResult run(FaultyInput input, Path out) throws IOException {
        JobSettings s = new JobSettings(out, KEY, 0.01, 100_000L, StatsLevel.FULL, -1,
                new EngineSettings(2, 2, 16, 64, WaitKind.BLOCKING), false);
        return IngestJob.run("ingest csv", input, s, new RunControl());
    }

    private static void assertFailedOutputs(JobResult r, Path out) throws Exception {
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INPUT);
        assertThat(r.filterPath()).isNull();
        JsonNode rep = Cli.report(out);
        assertThat(rep.get("complete").asBoolean()).isFalse();
        assertThat(rep.get("stopReason").asText()).isEqualTo("failed");
        assertThat(rep.has("filter")).isFalse();
        try (Stream<Path> s = Files.list(out)) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("report.json");
        }
        NoThreadsLeft.check();
    }

    @Test
    void aFileTruncatedJustBeforeItIsReadFailsTheRunNamingTheFile() throws Exception {
        List<Path> in = files(3, 20_000);
        var plan = new CsvPlanner(DIALECT, KEY, 2, CsvPlanner.DEFAULT_SPLIT_BYTES).plan(in);
        long size = Files.size(in.get(1));
        FaultyInput input = new FaultyInput(new CsvInput(plan, DIALECT, CsvParser.FAST, false), u -> {
            if (u.id() == 1) {
                try (RandomAccessFile f = new RandomAccessFile(in.get(1).toFile(), "rw")) {
                    f.setLength(size / 3);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }, null);
        Path out = dir.resolve("o");
        JobResult r = run(input, out);
        assertThat(r.report().error()).isEqualTo("reader failed on " + in.get(1)
                + ": file changed since the run was planned: its size changed from " + size + " to " + size / 3 + " bytes");
        assertFailedOutputs(r, out);
    }

    @Test
    void aHandlerThatThrowsFailsTheRunNamingTheHandlerAndTheUnit() throws Exception {
        List<Path> in = files(3, 20_000);
        var plan = new CsvPlanner(DIALECT, KEY, 2, CsvPlanner.DEFAULT_SPLIT_BYTES).plan(in);
        FaultyInput input = new FaultyInput(new CsvInput(plan, DIALECT, CsvParser.FAST, false), u -> { }, () -> {
            AtomicLong seen = new AtomicLong();
            return new FieldProfile<ByteRow>() {
                @Override
                public void accept(ByteRow row, int unit) {
                    if (seen.incrementAndGet() == 7_000) {
                        throw new IllegalStateException("profile exploded");
                    }
                }

                @Override
                public void mergeFrom(FieldProfile<?> other) {
                }


                @Override

                public void writeTo(DataOutput out) {

                }


                @Override

                public void readFrom(DataInput in) {

                }
            };
        });
        Path out = dir.resolve("o");
        JobResult r = run(input, out);
        assertThat(r.report().error())
                .matches("ringsift-handler-[01] failed on .*f[0-2]\\.csv \\(ring sequence \\d+\\): profile exploded");
        assertFailedOutputs(r, out);
    }
}
