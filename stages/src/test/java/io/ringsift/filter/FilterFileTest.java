package io.ringsift.filter;

import static io.ringsift.filter.TestFilters.filterOf;
import static io.ringsift.filter.TestFilters.header;
import static io.ringsift.filter.TestFilters.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.hash.BloomFilter;
import io.ringsift.key.KeyHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FilterFileTest {
    private static final FilterParams PARAMS = new FilterParams(10_000, 0.01);
    private static final List<String> PRESENT = IntStream.range(0, 5_000).mapToObj(i -> "key-" + i).toList();

    @TempDir
    Path dir;

    @Test
    void roundTripKeepsEveryHeaderFieldAndEveryMembershipAnswer() throws IOException {
        BloomFilter<KeyHash> filter = filterOf(PARAMS, PRESENT);
        FilterHeader header = header("key", PARAMS, filter, 5_200, 200);
        Path file = dir.resolve("filter.bf");

        FilterFile.write(file, header, filter);
        LoadedFilter loaded = FilterFile.read(file);

        assertThat(loaded.header()).isEqualTo(header);
        assertThat(loaded.header().createdAt()).isEqualTo(TestFilters.CREATED); // nanoseconds survive
        assertThat(loaded.toGuavaFilter()).isEqualTo(filter);
        assertThat(PRESENT).allSatisfy(k -> assertThat(loaded.mightContain(key(k))).as(k).isTrue());
        long disagreements = IntStream.range(0, 50_000).mapToObj(i -> key("absent-" + i))
                .filter(h -> loaded.mightContain(h) != filter.mightContain(h)).count();
        assertThat(disagreements).isZero();
    }

    @Test
    void headerCarriesTheFiltersExactShape() throws IOException {
        BloomFilter<KeyHash> filter = filterOf(PARAMS, PRESENT);
        FilterHeader header = header("a,b", PARAMS, filter, 0, 0);

        BloomGeometry predicted = BloomGeometry.predicted(PARAMS.expectedKeys(), PARAMS.fpp());
        assertThat(header.bits()).isEqualTo(predicted.bits()).isEqualTo(95_872); // ceil(95850.6 / 64) * 64
        assertThat(header.hashFunctions()).isEqualTo(7);
        assertThat(header.keySpec()).isEqualTo("a,b");
        FilterFile.write(dir.resolve("f.bf"), header, filter);
        assertThat(Files.size(dir.resolve("f.bf"))).isEqualTo(FilterFile.PREAMBLE_BYTES
                + HeaderCodec.encode(header).length + 4 + FilterFile.STAGE_PREFIX_BYTES + filter.serializedSize()
                + FilterFile.TRAILER_BYTES);
    }

    @Test
    void overwritesAnExistingFileAndLeavesNoTempFile() throws IOException {
        Path file = dir.resolve("filter.bf");
        BloomFilter<KeyHash> first = filterOf(PARAMS, List.of("a"));
        FilterFile.write(file, header("key", PARAMS, first, 1, 0), first);
        BloomFilter<KeyHash> second = filterOf(PARAMS, PRESENT);
        FilterFile.write(file, header("key", PARAMS, second, 5_000, 0), second);

        assertThat(FilterFile.read(file).toGuavaFilter()).isEqualTo(second);
        assertThat(listing(dir)).containsExactly("filter.bf");
    }

    @Test
    void writtenFileGetsOrdinaryPermissionsNotTempFilePermissions() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path ordinary = Files.writeString(dir.resolve("ordinary"), "x");
        BloomFilter<KeyHash> filter = filterOf(PARAMS, List.of("a"));
        Path file = dir.resolve("filter.bf");

        FilterFile.write(file, header("key", PARAMS, filter, 1, 0), filter);

        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(ordinary));
    }

    @Test
    void refusesAHeaderThatDoesNotDescribeTheFilter() {
        BloomFilter<KeyHash> filter = filterOf(PARAMS, PRESENT);
        FilterHeader other = header("key", new FilterParams(10_000, 0.001), filterOf(new FilterParams(10_000, 0.001),
                List.of()), 0, 0);
        Path file = dir.resolve("filter.bf");

        assertThatThrownBy(() -> FilterFile.write(file, other, filter))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Header says " + other.bits() + " bits and 10 hash functions")
                .hasMessageContaining("filter has 95872 bits and 7");
        assertThat(file).doesNotExist();
    }

    @Test
    void failedWriteIntoADirectoryThatIsAFileNamesTheTarget() throws IOException {
        Path notADir = Files.writeString(dir.resolve("plain.txt"), "x");
        Path target = notADir.resolve("filter.bf");
        BloomFilter<KeyHash> filter = filterOf(PARAMS, PRESENT);

        assertThatThrownBy(() -> FilterFile.write(target, header("key", PARAMS, filter, 0, 0), filter))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot write filter file " + target);
        assertThat(listing(dir)).containsExactly("plain.txt");
    }

    @Test
    void failedRenameOntoADirectoryRemovesTheTempFile() throws IOException {
        Path target = Files.createDirectory(dir.resolve("filter.bf"));
        Files.writeString(target.resolve("occupant"), "keeps the directory non-empty");
        BloomFilter<KeyHash> filter = filterOf(PARAMS, PRESENT);

        assertThatThrownBy(() -> FilterFile.write(target, header("key", PARAMS, filter, 0, 0), filter))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("cannot write filter file " + target);
        assertThat(listing(dir)).containsExactly("filter.bf");
        assertThat(listing(target)).containsExactly("occupant");
    }

    @Test
    void missingFileIsAnIoErrorNamingIt() {
        Path missing = dir.resolve("nope.bf");
        assertThatThrownBy(() -> FilterFile.read(missing))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(FilterFormatException.class)
                .hasMessageContaining("nope.bf");
    }

    static List<String> listing(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
