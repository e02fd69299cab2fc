package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.testing.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Regression (issue 11, defect 8): temp files that a kill -9 left behind ({@code .state-*.bin.*.tmp},
 * {@code .journal.json.*.tmp}, a 46 MB {@code .f.bf.*.tmp} beside a filter) were never cleaned.
 * Temp names now carry the run id, and a run removes other runs' temp files from the directories
 * it holds locked: {@code --out}, {@code --checkpoint}, and the filter's directory for
 * {@code check --update} (only that filter's). Files that are not ringsift temp files stay.
 */
class StaleTempFilesLeftAfterKillTest {
    @TempDir
    Path dir;

    private static void touch(Path dir, String... names) throws IOException {
        Files.createDirectories(dir);
        for (String n : names) {
            Files.write(dir.resolve(n), new byte[1024]);
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void theNextRunInTheDirectoryRemovesThem() throws IOException {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "key,v\na,1\nb,2\n");
        Path out = dir.resolve("out");
        Path cp = dir.resolve("cp");
        touch(out, ".filter.bf.ringsift-2x9zz-1f2e3d.tmp", ".report.json.0123456789abcdef.tmp", ".rejects.csv.tmp",
                ".ringsift-probe.ringsift-2x9zz-77.tmp", "notes.tmp", ".mine.tmp");
        touch(cp, ".state-3-0.bin.ringsift-2x9zz-abc.tmp", ".journal.json.5d1e.tmp", "state-9-0.bin");

        Cli.Run r = Cli.run("ingest", "csv", "--key", "key", "--out", out, "--checkpoint", cp, "-q", in);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(names(out)).containsExactly(".mine.tmp", "filter.bf", "notes.tmp", "report.json");
        assertThat(names(cp)).containsExactly("journal.json");
    }

    @Test
    void anUpdateRemovesThoseOfItsFilterOnly() throws IOException {
        Path in = dir.resolve("in.csv");
        Files.writeString(in, "key,v\na,1\nb,2\n");
        Path store = dir.resolve("store");
        assertThat(Cli.run("ingest", "csv", "--key", "key", "--out", store, "-q", in).exitCode()).isZero();
        touch(store, ".filter.bf.9a8b7c6d5e4f3a2b.tmp", ".filter.bf.ringsift-2x9zz-1f.tmp", ".other.bf.ringsift-2x9zz-1f.tmp");

        Cli.Run r = Cli.run("check", "--filter", store.resolve("filter.bf"), "--update", "-q", in);
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(names(store)).containsExactly(".other.bf.ringsift-2x9zz-1f.tmp", "filter.bf", "report.json");
    }
}
