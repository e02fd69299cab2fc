package io.ringsift.filter;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Hashing;
import io.ringsift.key.KeyEncoder;
import io.ringsift.key.KeyHash;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Follows docs/filter-format.md literally — raw bytes, no FilterFile, no BloomFilter — to prove that
 * another program reading the file by the document gets the same answers as Guava.
 */
class DocumentedLayoutTest {
    @TempDir
    Path dir;

    @Test
    void aReaderWrittenFromTheDocumentAgreesWithGuava() throws IOException {
        FilterParams params = new FilterParams(2_000, 0.02);
        List<String> present = IntStream.range(0, 1_500).mapToObj(i -> "doc-" + i).toList();
        BloomFilter<KeyHash> filter = TestFilters.filterOf(params, present);
        FilterHeader header = TestFilters.header("key", params, filter, 1_500, 0);
        Path file = dir.resolve("doc.bf");
        FilterFile.write(file, header, filter);

        ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(file)); // big-endian, as the document says
        byte[] magic = new byte[8];
        b.get(magic);
        assertThat(new String(magic, StandardCharsets.ISO_8859_1)).isEqualTo("RSBF\r\n\u001A\n");
        assertThat(Short.toUnsignedInt(b.getShort())).isEqualTo(2);
        int headerLength = b.getInt();
        long bodyLength = b.getLong();
        assertThat(22 + headerLength + bodyLength + 32).isEqualTo(b.capacity());
        byte[] content = Arrays.copyOf(b.array(), b.capacity() - 32);
        byte[] trailer = Arrays.copyOfRange(b.array(), b.capacity() - 32, b.capacity());
        assertThat(TestFilters.sha256(content)).isEqualTo(trailer);

        ByteBuffer h = b.slice(22, headerLength);
        assertThat(str(h)).isEqualTo("key");
        assertThat(str(h)).isEqualTo("csv");
        assertThat(str(h)).isEqualTo(FilterHeader.KEY_ENCODING_V1);
        assertThat(str(h)).isEqualTo(FilterHeader.HASH_SCHEME_V1);
        assertThat(h.getLong()).isEqualTo(2_000);
        assertThat(h.getDouble()).isEqualTo(0.02);
        long bits = h.getLong();
        int k = h.getInt();
        assertThat(h.getLong()).isEqualTo(1_500);
        assertThat(h.getLong()).isZero();
        assertThat(str(h)).isEqualTo(TestFilters.CREATED.toString());
        assertThat(str(h)).isEqualTo("bloom");
        assertThat(h.getLong()).isEqualTo(-1);
        assertThat(h.hasRemaining()).isFalse();

        ByteBuffer body = b.slice(22 + headerLength, (int) bodyLength);
        assertThat(body.getInt()).isEqualTo(1);
        assertThat(body.getLong()).isEqualTo(2_000);
        assertThat(body.getDouble()).isEqualTo(0.02);
        assertThat(body.get()).isEqualTo((byte) 1);
        assertThat(Byte.toUnsignedInt(body.get())).isEqualTo(k);
        int words = body.getInt();
        assertThat(64L * words).isEqualTo(bits);
        long[] data = new long[words];
        body.asLongBuffer().get(data);
        assertThat(body.position() + 8 * words).isEqualTo((int) bodyLength);

        for (int i = 0; i < 5_000; i++) {
            String key = i < 1_500 ? "doc-" + i : "other-" + i;
            KeyHash kh = new KeyEncoder().reset().addString(key).hash(new KeyHash());
            assertThat(probe(data, bits, k, canonicalDigest(key))).as(key).isEqualTo(filter.mightContain(kh));
        }
    }

    /** The 16-byte murmur3_128 digest of the key's canonical bytes: what ringsift feeds the filter. */
    private static byte[] canonicalDigest(String key) {
        return Hashing.murmur3_128().hashBytes(new KeyEncoder().reset().addString(key).toBytes()).asBytes();
    }

    /** The document's membership test: MURMUR128_MITZ_64 over the 16 digest bytes. */
    private static boolean probe(long[] data, long bits, int k, byte[] digest) {
        ByteBuffer h = ByteBuffer.wrap(Hashing.murmur3_128().hashBytes(digest).asBytes()).order(ByteOrder.LITTLE_ENDIAN);
        long h1 = h.getLong();
        long h2 = h.getLong();
        long combined = h1;
        for (int i = 0; i < k; i++) {
            long bit = (combined & Long.MAX_VALUE) % bits;
            if ((data[(int) (bit >>> 6)] & (1L << (bit & 63))) == 0) {
                return false;
            }
            combined += h2;
        }
        return true;
    }

    private static String str(ByteBuffer b) {
        byte[] s = new byte[Short.toUnsignedInt(b.getShort())];
        b.get(s);
        return new String(s, StandardCharsets.UTF_8);
    }
}
