package io.ringsift.source.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.airlift.compress.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Inputs are recognised by their bytes, decoded in one place, and fail with a line that says what to do. */
class InputFileTest {
    private static final byte[] CSV = "id,name\n1,\"a,b\"\n2,x\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    static byte[] gzip(byte[] b) throws Exception {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (OutputStream o = new GZIPOutputStream(bo)) {
            o.write(b);
        }
        return bo.toByteArray();
    }

    static byte[] zstd(byte[] b) throws Exception {
        ByteArrayOutputStream bo = new ByteArrayOutputStream();
        try (OutputStream o = new ZstdOutputStream(bo)) {
            o.write(b);
        }
        return bo.toByteArray();
    }

    private static byte[] readAll(InputFile f) throws Exception {
        try (InputFile.Reading r = f.open(); InputStream in = r.in()) {
            return in.readAllBytes();
        }
    }

    @Test
    void compressionComesFromTheBytesNotTheName() throws Exception {
        Path gzNamedCsv = dir.resolve("data.csv");
        Files.write(gzNamedCsv, gzip(CSV));
        Path zstNamedTxt = dir.resolve("data.txt");
        Files.write(zstNamedTxt, zstd(CSV));
        Path plainNamedGz = dir.resolve("plain.csv.gz");
        Files.write(plainNamedGz, CSV);

        InputFile g = InputFile.of(gzNamedCsv, StandardCharsets.UTF_8);
        InputFile z = InputFile.of(zstNamedTxt, StandardCharsets.UTF_8);
        InputFile p = InputFile.of(plainNamedGz, StandardCharsets.UTF_8);
        assertThat(g.compression()).isEqualTo(InputFile.Compression.GZIP);
        assertThat(z.compression()).isEqualTo(InputFile.Compression.ZSTD);
        assertThat(p.compression()).isEqualTo(InputFile.Compression.NONE);
        assertThat(readAll(g)).isEqualTo(CSV);
        assertThat(readAll(z)).isEqualTo(CSV);
        assertThat(readAll(p)).isEqualTo(CSV);
        // only a plain UTF-8 file has offsets to split at
        assertThat(g.splittable()).isFalse();
        assertThat(z.splittable()).isFalse();
        assertThat(p.splittable()).isTrue();
        assertThat(g.sample()).isEqualTo(CSV);
        assertThat(g.sampleIsWhole()).isTrue();
    }

    @Test
    void concatenatedGzipMembersAreOneInputAsGzipReadsThem() throws Exception {
        byte[] a = gzip("id\n1\n".getBytes(StandardCharsets.UTF_8));
        byte[] b = gzip("2\n".getBytes(StandardCharsets.UTF_8));
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        Path f = dir.resolve("two.gz");
        Files.write(f, both);
        assertThat(new String(readAll(InputFile.of(f, StandardCharsets.UTF_8)), StandardCharsets.UTF_8)).isEqualTo("id\n1\n2\n");
    }

    @Test
    void aTruncatedGzipSaysItLooksLikeGzipAndHowToCheckIt() throws Exception {
        byte[] gz = gzip(CSV);
        Path f = dir.resolve("data.csv.gz");
        Files.write(f, Arrays.copyOf(gz, gz.length - 12));
        InputFile in = InputFile.of(f, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> readAll(in)).isInstanceOf(IOException.class)
                .hasMessageContaining("data.csv.gz looks like gzip but cannot be decompressed")
                .hasMessageContaining("gzip -t");
    }

    @Test
    void formatsWeDoNotReadAreRefusedWithThePipeToUseInstead() throws Exception {
        Path bz = dir.resolve("data.csv.bz2");
        Files.write(bz, "BZh91AY&SY".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> InputFile.of(bz, StandardCharsets.UTF_8)).isInstanceOf(CsvInputException.class)
                .hasMessageContaining("looks like bzip2").hasMessageContaining("bzcat");
    }

    @Test
    void aStreamIsReadOnceWithItsSampleReplayedInFront() throws Exception {
        byte[] big = new byte[InputFile.SAMPLE_BYTES + 12345];
        Arrays.fill(big, (byte) 'x');
        for (int i = 99; i < big.length; i += 100) {
            big[i] = '\n';
        }
        Path fifoLike = dir.resolve("big.csv");
        Files.write(fifoLike, gzip(big));
        InputStream previous = System.in;
        try {
            System.setIn(Files.newInputStream(fifoLike));
            InputFile in = InputFile.of(Path.of("-"), StandardCharsets.UTF_8);
            assertThat(in.isStream()).isTrue();
            assertThat(in.name()).isEqualTo("stdin");
            assertThat(in.compression()).isEqualTo(InputFile.Compression.GZIP);
            assertThat(in.size()).isEqualTo(-1);
            assertThat(in.sampleIsWhole()).isFalse();
            assertThat(readAll(in)).isEqualTo(big);
            assertThatThrownBy(in::open).isInstanceOf(IOException.class).hasMessageContaining("can be read only once");
        } finally {
            System.setIn(previous);
        }
    }

    @Test
    void aDirectoryIsReadAsItsFilesInNameOrderFilteredByGlob() throws Exception {
        Path d = Files.createDirectory(dir.resolve("in"));
        Files.write(d.resolve("b.csv"), CSV);
        Files.write(d.resolve("a.csv.gz"), gzip(CSV));
        Files.write(d.resolve("notes.txt"), CSV);
        Files.write(d.resolve(".hidden.csv"), CSV);
        Files.createDirectory(d.resolve("sub.csv"));
        java.util.List<String> notes = new java.util.ArrayList<>();
        var all = InputFiles.open(java.util.List.of(d), null, StandardCharsets.UTF_8, notes::add);
        assertThat(all).extracting(f -> f.path().getFileName().toString()).containsExactly("a.csv.gz", "b.csv", "notes.txt");
        var csv = InputFiles.open(java.util.List.of(d), "*.csv*", StandardCharsets.UTF_8, notes::add);
        assertThat(csv).extracting(f -> f.path().getFileName().toString()).containsExactly("a.csv.gz", "b.csv");
        assertThat(notes.get(1)).contains("reading 2 files matching --glob '*.csv*'").contains("a.csv.gz, b.csv");
        assertThatThrownBy(() -> InputFiles.open(java.util.List.of(d), "*.json", StandardCharsets.UTF_8, notes::add))
                .isInstanceOf(CsvInputException.class).hasMessageContaining("no files matching --glob '*.json'")
                .hasMessageContaining("a.csv.gz, b.csv, notes.txt");
    }
}
