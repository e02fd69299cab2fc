package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringsift.testing.Cli;
import io.ringsift.testing.NoThreadsLeft;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs shaped to exhaust memory or time: a multi-megabyte field, a file with no line break, ten
 * thousand tiny files, and a file cut short under a running CLI. Each either completes with the bad
 * record rejected at its line, or fails with one line and exit 3.
 */
@Timeout(120)
class BoundedInputTest {
    @TempDir
    Path dir;

    private static List<CSVRecord> rejects(Path out) throws IOException {
        try (CSVParser p = CSVParser.parse(out.resolve("rejects.csv"), StandardCharsets.UTF_8,
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            return p.getRecords();
        }
    }

    private static void write(OutputStream o, String s) throws IOException {
        o.write(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aTwentyMegabyteQuotedFieldIsRejectedAtItsLineAndLaterLinesStayRight() throws IOException {
        Path f = dir.resolve("big-field.csv");
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
            write(o, "key,text\nk1,small\nk2,\"");
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 20; i++) {
                o.write(chunk);
                write(o, "\n");   // 20 line breaks inside the quoted field: lines 3..23
            }
            // line 23 closes the field; k3 on 24, k4 on 25-26, a ragged row on 27
            write(o, "\"\nk3,after\nk4,\"also\nafter\"\nbad,row,extra\n");
        }
        Path out = dir.resolve("o");
        Cli.Run r = Cli.run("ingest", "csv", "-q", "--key", "key", "--max-field-size", 1 << 20, "--max-record-size", 4 << 20,
                "--out", out, f);
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode rep = Cli.report(out);
        assertThat(rep.get("complete").asBoolean()).isTrue();
        assertThat(rep.get("records").asLong()).isEqualTo(3);
        assertThat(rep.get("rejected").asLong()).isEqualTo(2);
        List<CSVRecord> rej = rejects(out);
        assertThat(rej).hasSize(2);
        assertThat(rej.get(0).get("line")).isEqualTo("3");
        assertThat(rej.get(0).get("reason")).isEqualTo("record exceeds --max-record-size");
        assertThat(rej.get(1).get("line")).isEqualTo("27");
        // the raw text kept in rejects.csv is capped, not 20 MB
        assertThat(rej.get(0).get("raw").length()).isLessThan(100_000);
        assertThat(out.resolve("filter.bf")).exists();
        NoThreadsLeft.check();
    }

    @Test
    void aFieldOverTheFieldLimitButInsideTheRecordLimitIsRejectedAsField() throws IOException {
        Path f = dir.resolve("field.csv");
        Files.writeString(f, "key,text\nk1,a\nk2," + "y".repeat(300_000) + "\nk3,b\n");
        Path out = dir.resolve("o");
        Cli.Run r = Cli.run("ingest", "csv", "-q", "--key", "key", "--max-field-size", 100_000, "--out", out, f);
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<CSVRecord> rej = rejects(out);
        assertThat(rej).hasSize(1);
        assertThat(rej.get(0).get("line")).isEqualTo("3");
        assertThat(rej.get(0).get("reason")).isEqualTo("field exceeds --max-field-size");
        assertThat(Cli.report(out).get("records").asLong()).isEqualTo(2);
    }

    @Test
    void aFileWithNoLineBreakIsOneRejectedRecordAtLine2() throws IOException {
        Path f = dir.resolve("no-newline.csv");
        try (OutputStream o = new BufferedOutputStream(Files.newOutputStream(f), 1 << 16)) {
            write(o, "key,v\n");
            byte[] chunk = new byte[1 << 20];
            Arrays.fill(chunk, (byte) 'z');
            for (int i = 0; i < 40; i++) {   // 40 MB, more than the 16 MiB default record limit
                o.write(chunk);
            }
        }
        Path out = dir.resolve("o");
        Cli.Run r = Cli.run("ingest", "csv", "-q", "--out", out, f);
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode rep = Cli.report(out);
        assertThat(rep.get("complete").asBoolean()).isTrue();
        assertThat(rep.get("records").asLong()).isZero();
        assertThat(rep.get("rejected").asLong()).isEqualTo(1);
        assertThat(rep.get("sources").get(0).get("bytes").asLong()).isEqualTo(Files.size(f));
        List<CSVRecord> rej = rejects(out);
        assertThat(rej.get(0).get("line")).isEqualTo("2");
        assertThat(rej.get(0).get("reason")).isEqualTo("record exceeds --max-record-size");
    }

    @Test
    void tenThousandTinyFilesInOneRun() throws IOException {
        List<Object> args = new ArrayList<>(List.of("ingest", "csv", "-q", "--key", "key", "--fpp", "1e-6", "--out", dir.resolve("o")));
        Path in = Files.createDirectory(dir.resolve("in"));
        for (int i = 0; i < 10_000; i++) {
            Path p = in.resolve("t" + i + ".csv");
            // two rows each; key k<i mod 5000> twice across the run: 10,000 duplicates in all
            Files.writeString(p, "key,v\nk" + (i % 5000) + ",a\nx" + i + ",b\n");
            args.add(p);
        }
        // how fast many small files go is a benchmark's question, not this test's: a wall-clock bound
        // here could fail on a loaded box while proving nothing a correct run does not
        Cli.Run r = Cli.run(args.toArray());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode rep = Cli.report(dir.resolve("o"));
        assertThat(rep.get("records").asLong()).isEqualTo(20_000);
        assertThat(rep.get("duplicateRecords").asLong()).isEqualTo(5_000);
        assertThat(rep.get("sources")).hasSize(10_000);
        NoThreadsLeft.check();
    }

    @Test
    void aFileTruncatedUnderARunningCliIsExit3WithOneLineAndNoFilter() throws Exception {
        Path f = dir.resolve("shrinking.csv");
        Cli.Run g = Cli.run("generate", "csv", "--rows", 200_000, "--seed", 5, "-o", f);
        assertThat(g.exitCode()).as(g.err()).isZero();
        long size = Files.size(f);
        Path out = dir.resolve("o");
        // one row per ring slot: slow enough that the reader is near the start when the file is cut
        CompletableFuture<Cli.Run> run = CompletableFuture.supplyAsync(() -> Cli.run("ingest", "csv", "-q", "--readers", 1,
                "--handlers", 1, "--batch-size", 1, "--key", "key", "--out", out, f));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Cli.liveRingsiftThreads().contains("ringsift-reader-0") && !run.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(1);
        }
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "rw")) {
            raf.setLength(size / 2);
        }
        Cli.Run r = run.get(60, TimeUnit.SECONDS);
        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        // cut after the reader opened the file (the usual case) or just before (the identity check at open)
        assertThat(r.err().strip()).isIn("ringsift: reader failed on " + f
                + ": file changed while reading: expected " + size + " bytes, read " + size / 2, "ringsift: reader failed on " + f
                + ": file changed since the run was planned: its size changed from " + size + " to " + size / 2 + " bytes");
        JsonNode rep = Cli.report(out);
        assertThat(rep.get("complete").asBoolean()).isFalse();
        assertThat(rep.get("stopReason").asText()).isEqualTo("failed");
        assertThat(out.resolve("filter.bf")).doesNotExist();
        NoThreadsLeft.check();
    }
}
