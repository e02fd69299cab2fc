package io.ringsift.filter;

import com.google.common.hash.BloomFilter;
import com.google.common.io.ByteStreams;
import com.google.common.io.CountingOutputStream;
import io.ringsift.key.KeyHash;
import io.ringsift.key.KeyHashFunnel;
import java.io.BufferedInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import io.ringsift.io.AtomicFiles;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HexFormat;

/**
 * Reads and writes ringsift filter files (docs/filter-format.md). Writes format v2, reads v1 and v2:
 * <pre>
 *   preamble  22 bytes  magic "RSBF\r\n\032\n", u16 version, u32 header length H, i64 body length B
 *   header    H bytes   {@link HeaderCodec}
 *   body      B bytes   v1: one Guava {@link BloomFilter#writeTo} output
 *                       v2: u32 stage count S, then S times: i64 expected keys, f64 fpp, Guava writeTo output
 *   trailer   32 bytes  SHA-256 of every byte before it
 * </pre>
 * A reader either returns the exact filter that was written or throws {@link FilterFormatException}.
 */
public final class FilterFile {
    public static final int FORMAT_VERSION = 2;
    /** The first format: one plain Guava filter, duplicates from raw Bloom answers. Still read. */
    public static final int FORMAT_V1 = 1;
    /** Bytes before each stage's Guava form in a v2 body: expected keys (i64) and fpp (f64). */
    static final int STAGE_PREFIX_BYTES = 16;

    /**
     * "RSBF" then CR LF SUB LF, as in PNG: a transfer that rewrites line endings or stops at a DOS
     * end-of-file byte breaks the magic, so the damage is named at once rather than as a checksum.
     */
    static final byte[] MAGIC = {'R', 'S', 'B', 'F', '\r', '\n', 0x1A, '\n'};
    static final int PREAMBLE_BYTES = MAGIC.length + 2 + 4 + 8;
    static final int TRAILER_BYTES = 32;
    /** Far above anything {@link HeaderCodec} can produce, and small enough to read into one array. */
    static final int MAX_HEADER_BYTES = 1 << 20;

    private static final HexFormat HEX = HexFormat.of();

    private FilterFile() {
    }

    /**
     * Writes {@code filter} to {@code target} atomically: into a temp file in the same directory,
     * fsync'd, then renamed over {@code target}. On failure the temp file is removed, {@code target}
     * is untouched, and the exception names {@code target}.
     *
     * @throws IllegalArgumentException when the header's version, bits or hash functions disagree with
     *                                  the filter (build it with {@link FilterHeader#of})
     */
    public static void write(Path target, FilterHeader header, BloomChain chain) throws IOException {
        requireConsistent(header, chain);
        byte[] headerBlock = HeaderCodec.encode(header);
        AtomicFiles.write(target, "filter file ", out -> {
            writeContent(out, headerBlock, chain);
            return null;
        });
    }

    /** Writes a plain Guava filter as a one-stage chain sized for the header's expected keys and fpp. */
    public static void write(Path target, FilterHeader header, BloomFilter<KeyHash> filter) throws IOException {
        BloomChain chain = BloomChain.of(List.of(new FilterParams(header.expectedKeys(), header.fpp())),
                List.of(KeyBloom.fromGuava(filter)));
        write(target, header, chain);
    }

    /**
     * Reads and verifies a filter file. The whole file is checksummed before anything in it is
     * believed, so any damage is reported as such rather than as a strange value.
     *
     * @throws FilterFormatException for a file that is not a valid, intact v1 filter file
     * @throws IOException           when the file cannot be read at all
     */
    public static LoadedFilter read(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            ByteBuffer pre = ByteBuffer.allocate(PREAMBLE_BYTES);
            readUpTo(ch, pre, 0);
            pre.flip();
            checkMagic(file, pre, size);
            if (size < PREAMBLE_BYTES) {
                throw new FilterFormatException(file, "truncated: " + size + " bytes, shorter than the "
                        + PREAMBLE_BYTES + "-byte preamble");
            }
            int version = Short.toUnsignedInt(pre.getShort());
            if (version != FORMAT_VERSION && version != FORMAT_V1) {
                throw new FilterFormatException(file, "unsupported format version " + version
                        + " (this build reads versions " + FORMAT_V1 + " and " + FORMAT_VERSION + ")");
            }
            long headerLength = Integer.toUnsignedLong(pre.getInt());
            if (headerLength > MAX_HEADER_BYTES) {
                throw new FilterFormatException(file, "header length " + headerLength + " exceeds the "
                        + MAX_HEADER_BYTES + "-byte limit (four strings of at most 64 KiB and fixed fields)");
            }
            long bodyLength = pre.getLong();
            long expectedSize = PREAMBLE_BYTES + headerLength + bodyLength + TRAILER_BYTES;
            if (bodyLength < 0 || expectedSize < 0 || expectedSize != size) {
                throw new FilterFormatException(file, (size < expectedSize ? "truncated" : "wrong length") + ": file is "
                        + size + " bytes but its preamble (header " + headerLength + ", body " + bodyLength
                        + " bytes) implies " + expectedSize);
            }
            verifyChecksum(file, ch, size);

            FilterHeader header = readHeader(file, ch, version, (int) headerLength);
            long bodyStart = PREAMBLE_BYTES + headerLength;
            if (version == FORMAT_V1) {
                BloomGeometry g = readGeometry(file, ch, bodyStart, bodyLength);
                requireMatches(file, header, g, bodyLength);
                KeyBloom bloom = KeyBloom.fromGuava(readBody(file, ch, bodyStart, bodyLength, g));
                return new LoadedFilter(header, BloomChain.of(List.of(new FilterParams(header.expectedKeys(), header.fpp())),
                        List.of(bloom)));
            }
            return new LoadedFilter(header, readStages(file, ch, header, bodyStart, bodyLength));
        }
    }

    /** A v2 body: the stage count, then each stage's target and Guava form, checked against the header. */
    private static BloomChain readStages(Path file, FileChannel ch, FilterHeader header, long bodyStart, long bodyLength)
            throws IOException {
        if (bodyLength < 4) {
            throw new FilterFormatException(file, "filter body is " + bodyLength + " bytes, shorter than its stage count");
        }
        ByteBuffer count = ByteBuffer.allocate(4);
        readFully(ch, count, bodyStart);
        long stages = Integer.toUnsignedLong(count.getInt(0));
        if (stages < 1 || stages > 64) {
            throw new FilterFormatException(file, "filter body states " + stages + " stages (1..64 allowed)");
        }
        List<FilterParams> targets = new ArrayList<>();
        List<KeyBloom> blooms = new ArrayList<>();
        long pos = bodyStart + 4;
        long end = bodyStart + bodyLength;
        for (int j = 0; j < stages; j++) {
            if (end - pos < STAGE_PREFIX_BYTES + BloomGeometry.PREFIX_BYTES) {
                throw new FilterFormatException(file, "filter body ends inside stage " + j + " of " + stages);
            }
            ByteBuffer target = ByteBuffer.allocate(STAGE_PREFIX_BYTES);
            readFully(ch, target, pos);
            long expected = target.getLong(0);
            double fpp = target.getDouble(8);
            FilterParams params;
            try {
                params = new FilterParams(expected, fpp);
            } catch (IllegalArgumentException e) {
                throw new FilterFormatException(file, "stage " + j + ": " + e.getMessage(), e);
            }
            BloomGeometry g = readGeometry(file, ch, pos + STAGE_PREFIX_BYTES, end - pos - STAGE_PREFIX_BYTES);
            if (g.strategyOrdinal() != BloomGeometry.MURMUR128_MITZ_64 || g.words() < 1
                    || g.serializedBytes() > end - pos - STAGE_PREFIX_BYTES) {
                throw new FilterFormatException(file, "stage " + j + " states strategy " + g.strategyOrdinal() + " and "
                        + g.words() + " words, which do not fit the " + bodyLength + "-byte body");
            }
            blooms.add(KeyBloom.fromGuava(readBody(file, ch, pos + STAGE_PREFIX_BYTES, g.serializedBytes(), g)));
            targets.add(params);
            pos += STAGE_PREFIX_BYTES + g.serializedBytes();
        }
        if (pos != end) {
            throw new FilterFormatException(file, "filter body has " + (end - pos) + " bytes after its last stage");
        }
        BloomChain chain = BloomChain.of(targets, blooms);
        if (chain.bitSize() != header.bits() || blooms.get(0).hashFunctions() != header.hashFunctions()) {
            throw new FilterFormatException(file, "header/filter inconsistency: header says " + header.bits() + " bits and "
                    + header.hashFunctions() + " hash functions but the stages have " + chain.bitSize() + " bits and "
                    + blooms.get(0).hashFunctions() + " in the first");
        }
        return chain;
    }

    private static void requireConsistent(FilterHeader header, BloomChain chain) {
        if (header.formatVersion() != FORMAT_VERSION) {
            throw new IllegalArgumentException("Header format version (" + header.formatVersion()
                    + ") must be " + FORMAT_VERSION + ", the version this build writes");
        }
        int k = chain.stages().get(0).bloom().hashFunctions();
        if (header.bits() != chain.bitSize() || header.hashFunctions() != k) {
            throw new IllegalArgumentException("Header says " + header.bits() + " bits and " + header.hashFunctions()
                    + " hash functions but the filter has " + chain.bitSize() + " bits and " + k);
        }
    }

    private static void writeContent(OutputStream file, byte[] headerBlock, BloomChain chain) throws IOException {
        MessageDigest sha = sha256();
        DataOutputStream out = new DataOutputStream(new DigestOutputStream(file, sha));
        long bodyLength = 4;
        for (BloomChain.Stage stage : chain.stages()) {
            bodyLength += STAGE_PREFIX_BYTES + BloomGeometry.PREFIX_BYTES + stage.bloom().bitSize() / 8;
        }
        out.write(MAGIC);
        out.writeShort(FORMAT_VERSION);
        out.writeInt(headerBlock.length);
        out.writeLong(bodyLength);
        out.write(headerBlock);
        CountingOutputStream body = new CountingOutputStream(out);
        DataOutputStream b = new DataOutputStream(body);
        b.writeInt(chain.stages().size());
        for (BloomChain.Stage stage : chain.stages()) {
            b.writeLong(stage.target().expectedKeys());
            b.writeDouble(stage.target().fpp());
            stage.bloom().writeTo(b);
        }
        b.flush();
        if (body.getCount() != bodyLength) {
            throw new IllegalStateException("wrote " + body.getCount() + " filter bytes, expected " + bodyLength
                    + " (was the filter modified while being written?)");
        }
        out.flush();
        file.write(sha.digest()); // not through the digest stream: the trailer covers what precedes it
    }

    private static void checkMagic(Path file, ByteBuffer pre, long size) throws FilterFormatException {
        int n = (int) Math.min(size, MAGIC.length);
        byte[] found = new byte[n];
        pre.get(found);
        if (!Arrays.equals(found, Arrays.copyOf(MAGIC, n))) {
            throw new FilterFormatException(file, "not a ringsift filter file (bad magic: " + HEX.formatHex(found)
                    + ", expected " + HEX.formatHex(MAGIC) + ")");
        }
        if (n < MAGIC.length) {
            throw new FilterFormatException(file, "truncated: " + size + " bytes, shorter than the magic");
        }
    }

    private static void verifyChecksum(Path file, FileChannel ch, long size) throws IOException {
        MessageDigest sha = sha256();
        long contentEnd = size - TRAILER_BYTES;
        ByteBuffer buf = ByteBuffer.allocate(1 << 16);
        for (long pos = 0; pos < contentEnd; ) {
            buf.clear().limit((int) Math.min(buf.capacity(), contentEnd - pos));
            readFully(ch, buf, pos);
            buf.flip();
            pos += buf.remaining();
            sha.update(buf);
        }
        ByteBuffer stored = ByteBuffer.allocate(TRAILER_BYTES);
        readFully(ch, stored, contentEnd);
        byte[] computed = sha.digest();
        if (!Arrays.equals(stored.array(), computed)) {
            throw new FilterFormatException(file, "checksum mismatch (stored SHA-256 " + HEX.formatHex(stored.array())
                    + ", computed " + HEX.formatHex(computed) + ")");
        }
    }

    private static FilterHeader readHeader(Path file, FileChannel ch, int version, int length) throws IOException {
        ByteBuffer block = ByteBuffer.allocate(length);
        readFully(ch, block, PREAMBLE_BYTES);
        try {
            return HeaderCodec.decode(version, block.array());
        } catch (IllegalArgumentException e) {
            throw new FilterFormatException(file, "invalid header: " + e.getMessage(), e);
        }
    }

    private static BloomGeometry readGeometry(Path file, FileChannel ch, long bodyStart, long bodyLength)
            throws IOException {
        if (bodyLength < BloomGeometry.PREFIX_BYTES) {
            throw new FilterFormatException(file, "filter body is " + bodyLength + " bytes, shorter than Guava's "
                    + BloomGeometry.PREFIX_BYTES + "-byte prefix");
        }
        ByteBuffer prefix = ByteBuffer.allocate(BloomGeometry.PREFIX_BYTES);
        readFully(ch, prefix, bodyStart);
        return BloomGeometry.parse(prefix.array());
    }

    private static void requireMatches(Path file, FilterHeader h, BloomGeometry g, long bodyLength)
            throws FilterFormatException {
        String problem = null;
        if (g.strategyOrdinal() != BloomGeometry.MURMUR128_MITZ_64) {
            problem = "filter body uses Guava strategy ordinal " + g.strategyOrdinal() + ", expected "
                    + BloomGeometry.MURMUR128_MITZ_64 + " (MURMUR128_MITZ_64)";
        } else if (g.serializedBytes() != bodyLength) {
            problem = "filter body states " + g.words() + " words (" + g.serializedBytes() + " bytes) but is "
                    + bodyLength + " bytes";
        } else if (g.bits() != h.bits()) {
            problem = "header says " + h.bits() + " bits but the filter body has " + g.bits();
        } else if (g.hashFunctions() != h.hashFunctions()) {
            problem = "header says " + h.hashFunctions() + " hash functions but the filter body has " + g.hashFunctions();
        }
        if (problem != null) {
            throw new FilterFormatException(file, "header/filter inconsistency: " + problem);
        }
    }

    private static BloomFilter<KeyHash> readBody(Path file, FileChannel ch, long bodyStart, long bodyLength,
                                                 BloomGeometry g) throws IOException {
        InputStream body = ByteStreams.limit(
                new BufferedInputStream(Channels.newInputStream(ch.position(bodyStart)), 1 << 16), bodyLength);
        BloomFilter<KeyHash> filter;
        try {
            filter = BloomFilter.readFrom(body, KeyHashFunnel.INSTANCE, g.bits());
        } catch (IOException | IllegalArgumentException e) {
            throw new FilterFormatException(file, "Guava could not decode the filter body: " + e.getMessage(), e);
        }
        if (body.read() != -1) {
            throw new FilterFormatException(file, "Guava did not consume the whole filter body");
        }
        return filter;
    }

    /** Reads until {@code buf} is full or the file ends. */
    private static void readUpTo(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        long pos = position;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                return;
            }
            pos += n;
        }
    }

    /** Reads exactly {@code buf.remaining()} bytes; the size was checked, so a short read means the file shrank. */
    private static void readFully(FileChannel ch, ByteBuffer buf, long position) throws IOException {
        readUpTo(ch, buf, position);
        if (buf.hasRemaining()) {
            throw new EOFException("file ended before byte " + (position + buf.position() + buf.remaining())
                    + " (was it changed while being read?)");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
