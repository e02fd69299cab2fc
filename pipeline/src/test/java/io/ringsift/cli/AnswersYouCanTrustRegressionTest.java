package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.ringsift.testing.Cli;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One regression test per row of the "answers you can trust" table (issue 10), on generated data:
 * each case exited 0 with a wrong figure and no warning.
 */
@Timeout(300)
class AnswersYouCanTrustRegressionTest {
    @TempDir
    Path dir;

    private Path csv(String name, String header, List<String> rows) throws IOException {
        Path f = dir.resolve(name);
        List<String> lines = new ArrayList<>();
        lines.add(header);
        lines.addAll(rows);
        Files.write(f, lines);
        return f;
    }

    /** Like the airports (7 "duplicates", truth 0) and postal codes (71, truth 0): raw Bloom answers were printed as duplicates. */
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 4})
    void uniqueKeysGiveZeroDuplicatesNotTheFiltersFalsePositives(int handlers) throws IOException {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 42_049; i++) {
            rows.add(String.format("%05d,town %d", i, i % 977));
        }
        Path f = csv("zips.csv", "zip_code,town", rows);
        Path out = dir.resolve("out");
        // a filter sized far too small and loose: its raw answers would claim many duplicates
        Cli.Run r = Cli.run("ingest", "csv", "--key", "zip_code", "--out", out, "--handlers", handlers, "--fpp", "0.2", f);
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode rep = Cli.report(out);
        assertThat(rep.get("duplicateRecords").asLong()).isZero();
        assertThat(rep.get("distinctKeysEstimate").asLong()).isEqualTo(42_049);
        assertThat(rep.get("counts").get("method").asText()).isEqualTo("exact");
        // the key column's own figure is the same number, not a second, different estimate
        assertThat(rep.get("fields").get(0).get("distinctEstimate").asLong()).isEqualTo(42_049);
        assertThat(r.out()).contains("0 records whose key appeared earlier (exact)").doesNotContain("probably");
    }

    /** Like the wildlife strikes, whole-row key: 43 duplicates and ~9,958 distinct reported, truth 24 and 9,976. */
    @Test
    void wholeRowDuplicatesAreCountedExactly() throws IOException {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 9_976; i++) {
            rows.add(i + ",strike," + (i * 7 % 101));
        }
        for (int i = 0; i < 24; i++) {
            rows.add(rows.get(i * 400));
        }
        Path out = dir.resolve("out");
        Cli.Run r = Cli.run("ingest", "csv", "--out", out, "--fpp", "0.05", csv("strikes.csv", "id,kind,n", rows));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode rep = Cli.report(out);
        assertThat(rep.get("duplicateRecords").asLong()).isEqualTo(24);
        assertThat(rep.get("distinctKeysEstimate").asLong()).isEqualTo(9_976);
    }

    /** 1,100 rows of 1 KB then 600,000 short rows: the first MB set the size, the filter saturated, 574,405 "duplicates". */
    @Test
    void aFileWhoseFirstMegabyteMisleadsIsSizedFromSamplesAndNeverSaturates() throws IOException {
        Path f = dir.resolve("skewed.csv");
        try (Writer w = Files.newBufferedWriter(f, StandardCharsets.UTF_8)) {
            w.write("key,pad\n");
            String pad = "x".repeat(1_000);
            for (int i = 0; i < 1_100; i++) {
                w.write("long-" + i + "," + pad + "\n");
            }
            for (int i = 0; i < 600_000; i++) {
                w.write(i + ",s\n");
            }
        }
        Path out = dir.resolve("out");
        Cli.Run r = Cli.run("ingest", "csv", "--key", "key", "--out", out, "--stats", "none", f);
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode rep = Cli.report(out);
        assertThat(rep.get("records").asLong()).isEqualTo(601_100);
        assertThat(rep.get("duplicateRecords").asLong()).isZero();
        assertThat(rep.get("filter").get("estimatedFpp").asDouble()).isLessThanOrEqualTo(0.02);
        assertThat(rep.get("filter").get("expectedKeys").asLong()).isGreaterThan(300_000);
        assertThat(rep.get("warnings")).isNull();
    }

    /** The same file with --expected-keys far too small: the filter grows instead of saturating, and says so. */
    @Test
    void keysThatOutgrowTheFilterGrowItAndTheRunSaysSo() throws IOException {
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 100_000; i++) {
            rows.add(Integer.toString(i));
        }
        Path out = dir.resolve("out");
        Cli.Run r = Cli.run("ingest", "csv", "--key", "k", "--out", out, "--expected-keys", "1000", csv("k.csv", "k", rows));
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode rep = Cli.report(out);
        assertThat(rep.get("duplicateRecords").asLong()).isZero();
        assertThat(rep.get("filter").get("stages").asInt()).isGreaterThan(1);
        assertThat(rep.get("filter").get("estimatedFpp").asDouble()).isLessThanOrEqualTo(0.02);
        assertThat(rep.get("warnings").get(0).asText()).contains("outgrew");
        assertThat(r.out()).contains("WARNING");
    }

    /** check --update of 40,000 new keys into a filter sized for 1,500: afterwards every fresh key was "seen". */
    @Test
    void checkUpdateGrowsASmallFilterInsteadOfDestroyingIt() throws IOException {
        List<String> first = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            first.add("a" + i);
        }
        List<String> second = new ArrayList<>();
        for (int i = 0; i < 40_000; i++) {
            second.add("b" + i);
        }
        List<String> fresh = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            fresh.add("c" + i);
        }
        Path out = dir.resolve("day1");
        assertThat(Cli.run("ingest", "csv", "--key", "k", "--out", out, "--expected-keys", "1500", csv("a.csv", "k", first)).exitCode())
                .isZero();
        Path filter = out.resolve("filter.bf");
        Cli.Run update = Cli.run("check", "--filter", filter, "--update", "--out", dir.resolve("c1"), csv("b.csv", "k", second));
        assertThat(update.exitCode()).as(update.err()).isZero();
        Cli.Run probe = Cli.run("check", "--filter", filter, "--out", dir.resolve("c2"), csv("c.csv", "k", fresh));
        assertThat(probe.exitCode()).as(probe.err()).isZero();
        JsonNode check = Cli.report(dir.resolve("c2")).get("check");
        // at most 2x the 1% target: well under 800 of 20,000 fresh keys wrongly "seen"
        assertThat(check.get("seenRecords").asLong()).isLessThan(800);
        assertThat(check.get("filterFpp").asDouble()).isLessThanOrEqualTo(0.02);
        Cli.Run again = Cli.run("check", "--filter", filter, "--out", dir.resolve("c3"), csv("b2.csv", "k", second));
        assertThat(Cli.report(dir.resolve("c3")).get("check").get("seenRecords").asLong()).isEqualTo(40_000);
        assertThat(again.exitCode()).isZero();
    }

    /** Header id,name,id: the two id columns' statistics were merged into one field. */
    @Test
    void repeatedHeaderNamesStayApartAndAnAmbiguousKeyIsRefused() throws IOException {
        Path f = csv("dup.csv", "id,name,id", List.of("1,a,x", "2,b,", "3,c,z"));
        Path out = dir.resolve("out");
        Cli.Run r = Cli.run("ingest", "csv", "--out", out, f);
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode fields = Cli.report(out).get("fields");
        assertThat(fields.findValuesAsText("name")).containsExactly("id", "name", "id_2");
        assertThat(fields.get(2).get("headerName").asText()).isEqualTo("id");
        assertThat(fields.get(0).get("nonEmpty").asLong()).isEqualTo(3);
        assertThat(fields.get(2).get("nonEmpty").asLong()).isEqualTo(2);

        Cli.Run ambiguous = Cli.run("ingest", "csv", "--key", "id", "--out", dir.resolve("o2"), f);
        assertThat(ambiguous.exitCode()).isEqualTo(3);
        assertThat(ambiguous.err()).contains("ambiguous").contains("id_2");
        assertThat(Cli.run("ingest", "csv", "--key", "id_2", "--out", dir.resolve("o3"), f).exitCode()).isZero();
    }

    /** check over two files whose columns are in different orders wrote the second file's rows under the first's header. */
    @Test
    void checkRefusesToWriteRowsUnderAnotherFilesHeader() throws IOException {
        Path a = csv("a.csv", "k,v", List.of("1,x"));
        Path out = dir.resolve("day1");
        assertThat(Cli.run("ingest", "csv", "--key", "k", "--out", out, a).exitCode()).isZero();
        Path b = csv("b.csv", "k,v", List.of("2,y"));
        Path c = csv("c.csv", "v,k", List.of("z,3"));
        Cli.Run r = Cli.run("check", "--filter", out.resolve("filter.bf"), "--new", dir.resolve("new.csv"), "--out",
                dir.resolve("chk"), b, c);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("c.csv").contains("v,k").contains("k,v");
        assertThat(dir.resolve("new.csv")).doesNotExist();
        // without row outputs nothing is misaligned: keys are found by name in every file
        Cli.Run counts = Cli.run("check", "--filter", out.resolve("filter.bf"), "--out", dir.resolve("chk2"), b, c);
        assertThat(counts.exitCode()).as(counts.err()).isZero();
        assertThat(Cli.report(dir.resolve("chk2")).get("check").get("newRecords").asLong()).isEqualTo(2);
    }

    /** merge of filters built with default options from two files: exit 3, "bits differs". */
    @Test
    void filtersBuiltWithDefaultsFromFilesOfDifferentSizesMerge() throws IOException {
        List<String> small = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            small.add("s" + i);
        }
        List<String> big = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            big.add("b" + i);
        }
        Path s = csv("s.csv", "k", small);
        Path b = csv("b.csv", "k", big);
        assertThat(Cli.run("ingest", "csv", "--key", "k", "--out", dir.resolve("s"), s).exitCode()).isZero();
        assertThat(Cli.run("ingest", "csv", "--key", "k", "--out", dir.resolve("b"), b).exitCode()).isZero();
        Path merged = dir.resolve("all.bf");
        Cli.Run m = Cli.run("merge", dir.resolve("s/filter.bf"), dir.resolve("b/filter.bf"), "-o", merged);
        assertThat(m.exitCode()).as(m.err()).isZero();
        assertThat(m.out()).contains("fpp at fill");
        for (Path input : List.of(s, b)) {
            Path chk = dir.resolve("chk-" + input.getFileName());
            assertThat(Cli.run("check", "--filter", merged, "--out", chk, input).exitCode()).isZero();
            JsonNode check = Cli.report(chk).get("check");
            assertThat(check.get("newRecords").asLong()).as(input.toString()).isZero();
        }
    }

    /** ingest mongo --key IATA where every document has iata: rc 0, every document rejected. */
    @Test
    void aMongoKeyPathNoDocumentHasStopsTheRunNamingTheClosestField() throws IOException {
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            docs.add("{\"_id\": " + i + ", \"iata\": \"A" + i + "\", \"name\": \"airport " + i + "\"}");
        }
        Path f = dir.resolve("airports.jsonl");
        Files.write(f, docs);
        Cli.Run r = Cli.run("ingest", "mongo", "--embedded", f, "--key", "IATA", "--out", dir.resolve("out"));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("'IATA'").contains("iata");
        Cli.Run right = Cli.run("ingest", "mongo", "--embedded", f, "--key", "iata", "--out", dir.resolve("out2"));
        assertThat(right.exitCode()).as(right.err()).isZero();
    }

    /** --exact was CSV only: ingest mongo now compares key bytes too. */
    @Test
    void ingestMongoExactComparesKeyBytes() throws IOException {
        List<String> docs = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            docs.add("{\"_id\": " + i + ", \"sku\": \"s" + (i % 3 == 2 ? i - 1 : i) + "\"}");
        }
        Path f = dir.resolve("skus.jsonl");
        Files.write(f, docs);
        Path out = dir.resolve("out");
        Cli.Run r = Cli.run("ingest", "mongo", "--embedded", f, "--key", "sku", "--exact", "--fpp", "0.3", "--out", out);
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode rep = Cli.report(out);
        assertThat(rep.get("duplicateRecords").asLong()).isEqualTo(200);
        assertThat(rep.get("exact").get("duplicateRecords").asLong()).isEqualTo(200);
        assertThat(rep.get("exact").get("distinctKeys").asLong()).isEqualTo(400);
    }
}
