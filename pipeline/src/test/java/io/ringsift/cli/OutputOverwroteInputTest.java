package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Regression (issue 11, defect 5): outputs could destroy inputs. {@code check --new day2.csv
 * day2.csv} replaced the input with its own new rows, {@code --new f.bf --filter f.bf} replaced the
 * filter with CSV, {@code --new X --seen X} lost the new rows, {@code ingest --out d d/rejects.csv}
 * deleted its own input. Each is now refused before any work with exit 2 naming both paths,
 * compared by real path (so {@code ./x}, {@code d/../x}, a symbolic link and a hard link all count),
 * and every file is left as it was.
 */
class OutputOverwroteInputTest {
    @TempDir
    static Path dir;
    Map<Path, byte[]> before;

    @BeforeEach
    void files() throws IOException {
        if (!Files.exists(dir.resolve("d/filter.bf"))) {
            Files.createDirectories(dir.resolve("d"));
            Files.writeString(dir.resolve("day2.csv"), "key,v\na,1\nz,2\n");
            Files.writeString(dir.resolve("d/rejects.csv"), "key,v\nq,1\n");
            assertThat(Cli.run("ingest", "csv", "--key", "key", "--out", dir.resolve("f"), "-q", dir.resolve("day2.csv")).exitCode())
                    .isZero();
            Files.copy(dir.resolve("f/filter.bf"), dir.resolve("d/filter.bf"));
            Files.createSymbolicLink(dir.resolve("link.csv"), dir.resolve("day2.csv"));
            Files.createLink(dir.resolve("hard.csv"), dir.resolve("day2.csv"));
        }
        before = snapshot();
    }

    private static Map<Path, byte[]> snapshot() throws IOException {
        Map<Path, byte[]> m = new HashMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                m.put(p, Files.readAllBytes(p));
            }
        }
        return m;
    }

    static Stream<Arguments> clashes() {
        return Stream.of(
                Arguments.of("check --new day2.csv day2.csv", List.of("check", "--filter", "d/filter.bf", "--new", "day2.csv", "day2.csv"),
                        "--new " + "day2.csv is the same file as input day2.csv"),
                Arguments.of("check --new f.bf --filter f.bf", List.of("check", "--filter", "d/filter.bf", "--new", "d/../d/filter.bf",
                        "day2.csv"), "is the same file as --filter"),
                Arguments.of("check --new X --seen X", List.of("check", "--filter", "d/filter.bf", "--new", "x.csv", "--seen", "./x.csv",
                        "day2.csv"), "--seen ./x.csv is the same file as --new x.csv"),
                Arguments.of("check --new through a symbolic link", List.of("check", "--filter", "d/filter.bf", "--new", "link.csv",
                        "day2.csv"), "is the same file as input day2.csv"),
                Arguments.of("check --new through a hard link", List.of("check", "--filter", "d/filter.bf", "--new", "hard.csv",
                        "day2.csv"), "is the same file as input day2.csv"),
                Arguments.of("check --out where report.json is an input", List.of("check", "--filter", "d/filter.bf", "--out", "d",
                        "d/rejects.csv"), "rejects.csv is the same file as input"),
                Arguments.of("ingest --out d d/rejects.csv", List.of("ingest", "csv", "--out", "d", "d/rejects.csv"),
                        "rejects.csv is the same file as input d/rejects.csv"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("clashes")
    void refusedBeforeAnyWorkWithExit2(String name, List<String> args, String message) throws IOException {
        List<Object> a = new ArrayList<>();
        for (String arg : args) {
            a.add(arg.startsWith("-") || List.of("check", "ingest", "csv").contains(arg) ? arg : dir + "/" + arg);
        }
        Cli.Run r = Cli.run(a.toArray());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(2);
        assertThat(r.err().replace(dir + "/", "")).contains(message);
        Map<Path, byte[]> now = snapshot();
        assertThat(now.keySet()).isEqualTo(before.keySet());
        before.forEach((p, b) -> assertThat(now.get(p)).as(p.toString()).isEqualTo(b));
    }

    /** check wrote report.json into the current directory by default, overwriting an ingest's report there (issue 14 too). */
    @Test
    void checkWithoutOutWritesNoReportAnywhere() throws IOException {
        Path cwdReport = Path.of("report.json").toAbsolutePath();
        boolean existed = Files.exists(cwdReport);
        Cli.Run r = Cli.run("check", "--filter", dir.resolve("d/filter.bf"), "--new", dir.resolve("n.csv"), dir.resolve("day2.csv"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("report ");
        assertThat(Files.exists(cwdReport)).isEqualTo(existed);
        assertThat(dir.resolve("d/rejects.csv")).hasContent("key,v\nq,1");
        Files.delete(dir.resolve("n.csv"));
    }
}
