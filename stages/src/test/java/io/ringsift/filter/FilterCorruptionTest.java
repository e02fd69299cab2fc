package io.ringsift.filter;

import static io.ringsift.filter.TestFilters.assemble;
import static io.ringsift.filter.TestFilters.filterOf;
import static io.ringsift.filter.TestFilters.guavaBytes;
import static io.ringsift.filter.TestFilters.header;
import static io.ringsift.filter.TestFilters.reseal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.common.hash.BloomFilter;
import io.ringsift.key.KeyHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every kind of damage is refused with a message naming the file and the problem; none yields a filter. */
class FilterCorruptionTest {
    private static final FilterParams PARAMS = new FilterParams(1_000, 0.01);

    @TempDir
    Path dir;

    private BloomFilter<KeyHash> filter;
    private FilterHeader header;
    private byte[] good;
    private int headerStart;
    private int bodyStart;

    @BeforeEach
    void writeAGoodFile() throws IOException {
        filter = filterOf(PARAMS, IntStream.range(0, 500).mapToObj(i -> "k" + i).toList());
        header = header("key", PARAMS, filter, 500, 0);
        Path file = dir.resolve("good.bf");
        FilterFile.write(file, header, filter);
        good = Files.readAllBytes(file);
        headerStart = FilterFile.PREAMBLE_BYTES;
        bodyStart = headerStart + HeaderCodec.encode(header).length;
    }

    @Test
    void goodFileReads() throws IOException {
        assertThat(FilterFile.read(dir.resolve("good.bf")).toGuavaFilter()).isEqualTo(filter);
    }

    @Test
    void flippedByteInHeaderIsAChecksumMismatch() throws IOException {
        assertRejected(flip(good, headerStart + 3), "checksum mismatch (stored SHA-256 ");
    }

    @Test
    void flippedByteInBodyIsAChecksumMismatch() throws IOException {
        assertRejected(flip(good, bodyStart + 6 + 100), "checksum mismatch");
    }

    @Test
    void flippedByteInChecksumIsAChecksumMismatch() throws IOException {
        assertRejected(flip(good, good.length - 1), "checksum mismatch");
    }

    @Test
    void flippedByteInFixedFieldsIsCaughtToo() throws IOException {
        for (int offset : new int[] {headerStart + 20, bodyStart, bodyStart + 1, bodyStart + 5}) {
            assertRejected(flip(good, offset), "checksum mismatch");
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 4, 8, 9, 12, 21, 22, 40, -300, -33, -32, -1})
    void truncatedFileIsRejectedAsTruncated(int cut) throws IOException {
        int length = cut >= 0 ? cut : good.length + cut;
        assertRejected(Arrays.copyOf(good, length), "truncated");
    }

    @Test
    void trailingBytesAreRejected() throws IOException {
        assertRejected(Arrays.copyOf(good, good.length + 5), "wrong length: file is " + (good.length + 5) + " bytes");
    }

    @Test
    void badMagicIsNamed() throws IOException {
        byte[] bytes = good.clone();
        bytes[0] = 'X';
        assertRejected(bytes, "not a ringsift filter file (bad magic: 585342460d0a1a0a");
    }

    @Test
    void lineEndingConversionBreaksTheMagic() throws IOException {
        byte[] bytes = new byte[good.length - 1];
        System.arraycopy(good, 0, bytes, 0, 4);
        System.arraycopy(good, 5, bytes, 4, good.length - 5); // "\r\n" became "\n"
        assertRejected(bytes, "bad magic");
    }

    @Test
    void unknownVersionIsNamedEvenThoughTheChecksumWouldAlsoFail() throws IOException {
        byte[] bytes = good.clone();
        bytes[9] = 3;
        assertRejected(bytes, "unsupported format version 3 (this build reads versions 1 and 2)");
        bytes[8] = 1;
        assertRejected(reseal(bytes), "unsupported format version 259");
    }

    @Test
    void absurdHeaderLengthIsRefusedBeforeAnythingIsRead() throws IOException {
        byte[] bytes = good.clone();
        bytes[10] = (byte) 0xFF; // header length field, most significant byte
        assertRejected(bytes, "header length 42");
        assertRejected(bytes, "exceeds the 1048576-byte limit");
    }

    @Test
    void emptyFileIsTruncated() throws IOException {
        assertRejected(new byte[0], "truncated: 0 bytes");
    }

    @Test
    void headerDisagreeingWithBodyIsAnInconsistencyEvenWithAValidChecksum() throws IOException {
        FilterHeader lying = new FilterHeader(1, "key", "csv", FilterHeader.KEY_ENCODING_V1, FilterHeader.HASH_SCHEME_V1,
                1_000, 0.01, header.bits(), header.hashFunctions() + 1, 500, 0, TestFilters.CREATED);
        byte[] bytes = assemble(1, HeaderCodec.encode(lying), guavaBytes(filter));
        assertRejected(bytes, "header/filter inconsistency: header says 8 hash functions but the filter body has 7");

        FilterHeader wrongBits = new FilterHeader(1, "key", "csv", FilterHeader.KEY_ENCODING_V1,
                FilterHeader.HASH_SCHEME_V1, 1_000, 0.01, header.bits() + 64, header.hashFunctions(), 500, 0,
                TestFilters.CREATED);
        assertRejected(assemble(1, HeaderCodec.encode(wrongBits), guavaBytes(filter)),
                "header says " + (header.bits() + 64) + " bits but the filter body has " + header.bits());
    }

    @Test
    void bodyWithAnotherGuavaStrategyIsRefused() throws IOException {
        byte[] body = guavaBytes(filter);
        body[0] = 0; // MURMUR128_MITZ_32
        assertRejected(assemble(1, HeaderCodec.encode(TestFilters.v1(header)), body), "strategy ordinal 0");
    }

    @Test
    void bodyWhoseWordCountDisagreesWithItsLengthIsRefused() throws IOException {
        byte[] body = guavaBytes(filter);
        body[5]++;
        assertRejected(assemble(1, HeaderCodec.encode(TestFilters.v1(header)), body), "filter body states");
        assertRejected(assemble(1, HeaderCodec.encode(TestFilters.v1(header)), Arrays.copyOf(body, 3)), "shorter than Guava's 6-byte prefix");
    }

    @Test
    void malformedHeaderBlocksAreNamedByField() throws IOException {
        byte[] block = HeaderCodec.encode(TestFilters.v1(header));
        byte[] body = guavaBytes(filter);
        assertRejected(assemble(1, Arrays.copyOf(block, block.length - 4), body), "invalid header: header block");
        assertRejected(assemble(1, Arrays.copyOf(block, block.length + 1), body), "1 unexpected bytes after the last field");
        byte[] badUtf8 = block.clone();
        badUtf8[2] = (byte) 0xFF; // first byte of the key spec text
        assertRejected(assemble(1, badUtf8, body), "field 'key spec' is not valid UTF-8");
        FilterHeader impossible = header.withCounts(5, 0, TestFilters.CREATED);
        byte[] counts = HeaderCodec.encode(TestFilters.v1(impossible));
        // records live 8 bytes before duplicates; make duplicates exceed records
        int duplicatesOffset = counts.length - 2 - TestFilters.CREATED.toString().length() - 8;
        counts[duplicatesOffset + 7] = 9;
        assertRejected(assemble(1, counts, body), "invalid header: Duplicate records (9) must be 0..records (5)");
    }

    private void assertRejected(byte[] bytes, String problem) throws IOException {
        Path file = dir.resolve("bad.bf");
        Files.write(file, bytes);
        FilterFormatException e = catchThrowableOfType(FilterFormatException.class, () -> FilterFile.read(file));
        assertThat(e).as("reading a file that should fail with '%s'", problem).isNotNull();
        assertThat(e.getMessage()).startsWith(file + ": ").contains(problem);
        assertThat(e.file()).isEqualTo(file);
    }

    private static byte[] flip(byte[] bytes, int offset) {
        byte[] copy = bytes.clone();
        copy[offset] ^= 0x40;
        return copy;
    }

}
