package io.ringsift.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Any bytes given to {@code info}, {@code check} or {@code merge} as a filter file are either read or
 * refused with a {@link FilterFormatException} naming the file: never another exception, never an
 * allocation the file's own length does not justify.
 *
 * <p>The SHA-256 trailer stops random bytes at the checksum, so the second target appends a correct
 * trailer to its input: that is what reaches the header and body decoders. Corpora (hand-made files
 * and the content of real filters) are in {@code FilterFileDecodeFuzzTestInputs/<method>/}.
 */
class FilterFileDecodeFuzzTest {
    private static Path dir;

    @BeforeAll
    static void makeDir() throws IOException {
        dir = Files.createTempDirectory("ringsift-filter-fuzz");
    }

    @AfterAll
    static void removeDir() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private static void assertReadOrFormatError(byte[] file) throws IOException {
        Path p = dir.resolve("f.bf");
        Files.write(p, file);
        try {
            LoadedFilter loaded = FilterFile.read(p);
            // a file that is read is one whose header describes its filter
            assertThat(BloomGeometry.of(loaded.toGuavaFilter()).bits()).isEqualTo(loaded.header().bits());
        } catch (FilterFormatException expected) {
            assertThat(expected.file()).isEqualTo(p);
            assertThat(expected.getMessage()).startsWith(p + ": ");
        }
    }

    @FuzzTest
    void anyFileIsReadOrRefused(byte[] file) throws IOException {
        assertReadOrFormatError(file);
    }

    @FuzzTest
    void anyContentWithAGoodChecksumIsReadOrRefused(byte[] content) throws IOException {
        byte[] file = Arrays.copyOf(content, content.length + 32);
        System.arraycopy(sha256(content), 0, file, content.length, 32);
        assertReadOrFormatError(file);
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
