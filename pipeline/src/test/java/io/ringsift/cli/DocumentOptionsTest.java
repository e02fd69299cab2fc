package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.job.JsonlInput;
import io.ringsift.key.KeySpec;
import io.ringsift.partial.DocumentFieldWalker;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The document options every document command shares: depth, streamed paths, and the JSON Lines plan. */
class DocumentOptionsTest {
    @TempDir
    Path dir;

    @Command
    static final class Holder {
        @Mixin
        DocumentOptions documents;

        @Mixin
        SplitOptions split;
    }

    private static Holder parse(String... args) {
        Holder h = new Holder();
        new CommandLine(h).parseArgs(args);
        return h;
    }

    @Test
    void depthZeroIsUnlimitedAndNoStreamIsNoConsumer() {
        Holder h = parse();
        assertThat(h.documents.depth()).isEqualTo(DocumentFieldWalker.UNLIMITED);
        assertThat(h.documents.streamed(new PrintWriter(new StringWriter()))).isNull();
        assertThat(h.split.bytes).isEqualTo(32L << 20);
        assertThat(parse("--max-depth", "2").documents.depth()).isEqualTo(2);
    }

    @Test
    void streamedPathsAreWholeLines() {
        StringWriter text = new StringWriter();
        Consumer<String> c = parse("--stream").documents.streamed(new PrintWriter(text));
        c.accept("a");
        c.accept("a.b");
        assertThat(text.toString().lines()).containsExactly("new field: a", "new field: a.b");
    }

    @Test
    void aBigFileIsCutForTheReadersAtLineEnds() throws Exception {
        Path f = dir.resolve("d.jsonl");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.append("{\"_id\": ").append(i).append(", \"pad\": \"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\"}\n");
        }
        Files.writeString(f, sb);
        Holder small = parse("--split-size", "64k");
        JsonlInput cut = small.documents.plan(List.of(f), small.split, new KeySpec(List.of("_id")), 3,
                new PrintWriter(new StringWriter()), false);
        assertThat(cut.units()).hasSizeGreaterThan(1).hasSizeLessThanOrEqualTo(12);
        Holder whole = parse();
        assertThat(whole.documents.plan(List.of(f), whole.split, new KeySpec(List.of("_id")), 3,
                new PrintWriter(new StringWriter()), false).units()).hasSize(1);
    }
}
