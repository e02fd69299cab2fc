package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.filter.FilterFile;
import io.ringsift.filter.LoadedFilter;
import io.ringsift.generate.GeneratorFormat;
import io.ringsift.generate.GeneratorResult;
import io.ringsift.generate.GeneratorSpec;
import io.ringsift.generate.SyntheticData;
import io.ringsift.key.KeyEncoder;
import io.ringsift.key.KeyHash;
import io.ringsift.testing.Cli;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Dedup checks across runs: check, merge and update round trips on generated data. */
class CheckMergeEndToEndTest {
    @TempDir
    static Path data;
    static Path dayA;
    static Path dayB;
    static GeneratorResult truthB;

    @BeforeAll
    static void generate() throws IOException {
        // different seeds: mostly different keys; dayB also repeats keys within itself
        SyntheticData.write(GeneratorFormat.CSV, new GeneratorSpec(20_000, 0.1, 5, 1), dayA = data.resolve("day-a.csv"));
        truthB = SyntheticData.write(GeneratorFormat.CSV, new GeneratorSpec(20_000, 0.3, 5, 2), dayB = data.resolve("day-b.csv"));
    }

    static List<CSVRecord> records(Path f) throws IOException {
        try (Reader r = Files.newBufferedReader(f); CSVParser p = CSVParser.parse(r, CSVFormat.RFC4180.builder().setHeader().get())) {
            return p.getRecords();
        }
    }

    static Set<String> keys(Path f) throws IOException {
        Set<String> s = new HashSet<>();
        records(f).forEach(r -> s.add(r.get("key")));
        return s;
    }

    static Path ingest(Path out, Path... files) {
        List<Object> args = new ArrayList<>(List.of("ingest", "csv", "--key", "key", "--out", out, "--quiet", "--expected-keys", "100000"));
        args.addAll(List.of(files));
        Cli.Run r = Cli.run(args.toArray());
        assertThat(r.exitCode()).as(r.err()).isZero();
        return out.resolve("filter.bf");
    }

    @Test
    void mergedFiltersAnswerExactlyLikeOneBuiltFromBothInputs(@TempDir Path dir) throws IOException {
        Path a = ingest(dir.resolve("a"), dayA);
        Path b = ingest(dir.resolve("b"), dayB);
        Path both = ingest(dir.resolve("ab"), dayA, dayB);
        Path merged = dir.resolve("merged.bf");
        Cli.Run r = Cli.run("merge", a, b, "-o", merged);
        assertThat(r.exitCode()).as(r.err()).isZero();
        LoadedFilter m = FilterFile.read(merged);
        LoadedFilter ab = FilterFile.read(both);
        KeyEncoder e = new KeyEncoder();
        KeyHash h = new KeyHash();
        for (String k : keys(dayA)) {
            assertThat(m.mightContain(e.reset().addString(k).hash(h))).isTrue();
        }
        Random rnd = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            e.reset().addString("absent-" + rnd.nextLong()).hash(h);
            assertThat(m.mightContain(h)).isEqualTo(ab.mightContain(h));
        }
        assertThat(m.toGuavaFilter()).isEqualTo(ab.toGuavaFilter());
        assertThat(m.header().records()).isEqualTo(40_000);
    }

    @Test
    void mergeRefusesIncompatibleFiltersNamingTheField(@TempDir Path dir) {
        Path a = ingest(dir.resolve("a"), dayA);
        Cli.Run wholeRow = Cli.run("ingest", "csv", "--out", dir.resolve("s"), "--quiet", dayB);
        assertThat(wholeRow.exitCode()).isZero();
        Cli.Run r = Cli.run("merge", a, dir.resolve("s/filter.bf"), "-o", dir.resolve("m.bf"));
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("cannot merge").contains("key spec");
        assertThat(dir.resolve("m.bf")).doesNotExist();
    }

    @Test
    void filtersOfAnySizeMergeAndTheUnionAnswersForBoth(@TempDir Path dir) {
        Path a = ingest(dir.resolve("a"), dayA);
        Cli.Run small = Cli.run("ingest", "csv", "--key", "key", "--out", dir.resolve("s"), "--quiet", "--expected-keys", "10", dayB);
        assertThat(small.exitCode()).isZero();
        Cli.Run r = Cli.run("merge", a, dir.resolve("s/filter.bf"), "-o", dir.resolve("m.bf"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        for (Path day : List.of(dayA, dayB)) {
            Cli.Run c = Cli.run("check", "--filter", dir.resolve("m.bf"), "--out", dir.resolve("c-" + day.getFileName()), day);
            assertThat(c.exitCode()).isZero();
            assertThat(c.out()).contains("new          0 ");
        }
    }

    @Test
    void checkSplitsRowsByteForByteInOrderWithNoFalseNegatives(@TempDir Path dir) throws IOException {
        Path filterA = ingest(dir.resolve("a"), dayA);
        // check the concatenation of old (dayA) and new (dayB) rows, split into ranges across 3 readers
        Path mixed = dir.resolve("mixed.csv");
        byte[] a = Files.readAllBytes(dayA);
        byte[] b = Files.readAllBytes(dayB);
        int bHeaderEnd = indexOf(b, (byte) '\n') + 1;
        try (var o = Files.newOutputStream(mixed)) {
            o.write(a);
            o.write(b, bHeaderEnd, b.length - bHeaderEnd);
        }
        Path newOut = dir.resolve("new.csv");
        Path seenOut = dir.resolve("seen.csv");
        Cli.Run r = Cli.run("check", "--filter", filterA, "--new", newOut, "--seen", seenOut, "--out", dir.resolve("rep"),
                "--readers", 3, "--handlers", 2, "--split-size", 65536, "--quiet", mixed);
        assertThat(r.exitCode()).as(r.err()).isZero();

        Set<String> oldKeys = keys(dayA);
        List<CSVRecord> all = records(mixed);
        List<CSVRecord> seen = records(seenOut);
        List<CSVRecord> fresh = records(newOut);
        assertThat(seen.size() + fresh.size()).isEqualTo(all.size());
        // zero false negatives: every old row is in "seen", no new output row has an old key
        assertThat(fresh).noneMatch(x -> oldKeys.contains(x.get("key")));
        // the outputs are the input rows, in input order
        List<List<String>> expectedSeen = new ArrayList<>();
        List<List<String>> expectedNew = new ArrayList<>();
        Set<String> seenKeys = new HashSet<>();
        seen.forEach(x -> seenKeys.add(x.get("key")));
        for (CSVRecord x : all) {
            (seenKeys.contains(x.get("key")) ? expectedSeen : expectedNew).add(x.toList());
        }
        assertThat(seen.stream().map(CSVRecord::toList).toList()).isEqualTo(expectedSeen);
        assertThat(fresh.stream().map(CSVRecord::toList).toList()).isEqualTo(expectedNew);
        // byte for byte: the new file is exactly the header plus the new rows' original bytes
        assertThat(Files.readString(newOut)).startsWith(new String(a, 0, indexOf(a, (byte) '\n') + 1));
        assertThat(Files.size(newOut) + Files.size(seenOut)).isEqualTo(Files.size(mixed) + (indexOf(a, (byte) '\n') + 1));
        // the false positives of the 1% filter are few
        assertThat(seen.size() - 20_000).isLessThan(300);
    }

    @Test
    void exactCheckConfirmsEverySeenRowAgainstTheReferenceData(@TempDir Path dir) throws IOException {
        // a lossy filter: about a fifth of the new keys look "probably seen" to the Bloom alone
        Cli.Run built = Cli.run("ingest", "csv", "--key", "key", "--out", dir.resolve("a"), "--quiet", "--fpp", "0.2", dayA);
        assertThat(built.exitCode()).isZero();
        Path newOut = dir.resolve("new.csv");
        Path seenOut = dir.resolve("seen.csv");
        Cli.Run r = Cli.run("check", "--filter", dir.resolve("a/filter.bf"), "--exact", "--reference", dayA, "--new", newOut,
                "--seen", seenOut, "--out", dir.resolve("rep"), "--readers", 2, "--handlers", 2, dayA, dayB);
        assertThat(r.exitCode()).as(r.err()).isZero();
        Set<String> oldKeys = keys(dayA);
        List<CSVRecord> seen = records(seenOut);
        List<CSVRecord> fresh = records(newOut);
        long expectedSeen = records(dayA).size() + records(dayB).stream().filter(x -> oldKeys.contains(x.get("key"))).count();
        assertThat(seen).hasSize((int) expectedSeen).allMatch(x -> oldKeys.contains(x.get("key")));
        assertThat(fresh).noneMatch(x -> oldKeys.contains(x.get("key")));
        var check = Cli.report(dir.resolve("rep")).get("check");
        assertThat(check.get("seenRecords").asLong()).isEqualTo(expectedSeen);
        assertThat(check.get("falsePositives").asLong()).isPositive()
                .isEqualTo(check.get("bloomSeenRecords").asLong() - expectedSeen);
        assertThat(Cli.run("check", "--filter", dir.resolve("a/filter.bf"), "--exact", dayB).exitCode()).isEqualTo(2);
    }

    @Test
    void updateAddsNewKeysSoASecondCheckSeesEverything(@TempDir Path dir) throws IOException {
        Path filter = ingest(dir.resolve("a"), dayA);
        long before = FilterFile.read(filter).header().records();
        Cli.Run r = Cli.run("check", "--filter", filter, "--update", "--out", dir.resolve("r1"), "--quiet", dayB);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(FilterFile.read(filter).header().records()).isEqualTo(before + 20_000);
        Cli.Run again = Cli.run("check", "--filter", filter, "--new", dir.resolve("new.csv"), "--out", dir.resolve("r2"), dayB);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("new          0");
        assertThat(Files.readAllLines(dir.resolve("new.csv"))).hasSize(1); // header only
    }

    @Test
    void keySpecMustMatchTheFilters(@TempDir Path dir) {
        Path filter = ingest(dir.resolve("a"), dayA);
        Cli.Run r = Cli.run("check", "--filter", filter, "--key", "key,c2", "--out", dir, dayB);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("does not match the filter's key 'key'");
    }

    @Test
    void aCorruptFilterIsRefusedWithExit3(@TempDir Path dir) throws IOException {
        Path filter = ingest(dir.resolve("a"), dayA);
        byte[] b = Files.readAllBytes(filter);
        b[b.length / 2] ^= 0x10;
        Files.write(filter, b);
        Cli.Run r = Cli.run("check", "--filter", filter, "--out", dir, dayB);
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("checksum");
        assertThat(Cli.run("info", filter).exitCode()).isEqualTo(3);
    }

    @Test
    void generatePrintsTheExactCounts(@TempDir Path dir) throws IOException {
        Cli.Run r = Cli.run("generate", "csv", "--rows", 1000, "--dup-rate", 0.25, "--columns", 4, "--seed", 9, "-o", dir.resolve("g.csv"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<CSVRecord> recs = records(dir.resolve("g.csv"));
        Set<String> distinct = new HashSet<>();
        recs.forEach(x -> distinct.add(x.get("key")));
        assertThat(r.out()).contains(String.format("%d", distinct.size())).contains(String.format("%d", 1000 - distinct.size()));
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }
}
