package io.ringsift.source.csv;

import com.google.common.io.CountingInputStream;
import io.airlift.compress.zstd.ZstdInputStream;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.LongSupplier;
import java.util.zip.GZIPInputStream;

/**
 * One CSV input as the user has it: a plain file, a gzip or zstd file, standard input ({@code -})
 * or a pipe, in UTF-8 or another charset. It opens the input's bytes decoded to UTF-8, so
 * everything after it (framer, parsers, line numbers) sees one format.
 *
 * <p>Compression is recognised by the first bytes (gzip {@code 1F 8B}, zstd {@code 28 B5 2F FD}),
 * never by the file name. Only a plain UTF-8 regular file can be cut into byte ranges: a compressed
 * or transcoded file has no offsets to start a reader at, so it is one unit.
 *
 * <p>zstd is decoded by aircompressor (io.airlift), which is pure Java: the shaded jar runs on any
 * platform with nothing to unpack, where zstd-jni needs a native library for the platform (extracted
 * to a temp directory at start-up, which fails on a noexec {@code /tmp}). Reading is all we need,
 * and aircompressor's decoder is the one Trino uses for its zstd data.
 *
 * <p>Standard input and pipes can be read once. Their first {@link #SAMPLE_BYTES} (decoded) are
 * kept for the planner (header, delimiter sniffing, record-size estimate) and replayed in front of
 * the rest for the one reader that reads them; a second read is refused with a message.
 */
public final class InputFile {
    /** The command-line name of standard input. */
    public static final String STDIN = "-";
    /** How much of an input (decoded) is kept for planning: the header, sniffing and the size estimate. */
    public static final int SAMPLE_BYTES = 1 << 20;

    /** How the input's bytes are stored. */
    public enum Compression {
        NONE, GZIP, ZSTD;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Path path;
    private final String name;
    private final Compression compression;
    private final Charset charset;
    private final long size;
    private final boolean regular;
    // stream inputs only: the rest after the sample, handed out once
    private InputStream rest;
    private CountingInputStream restCounter;
    private boolean taken;
    private byte[] sample;
    private boolean sampleIsWhole;
    private boolean sampleKnown;
    /** A stream's compression, known once its first bytes were read. */
    private Compression compressionOfStream;

    private InputFile(Path path, String name, Compression compression, Charset charset, long size, boolean regular) {
        this.path = path;
        this.name = name;
        this.compression = compression;
        this.charset = charset;
        this.size = size;
        this.regular = regular;
    }

    /** A plain UTF-8 regular file of a known size (plans built by hand in benchmarks and tests). */
    public static InputFile plainOfSize(Path p, long size) {
        return new InputFile(p, p.toString(), Compression.NONE, StandardCharsets.UTF_8, size, true);
    }

    /**
     * Checks and opens one command-line input: {@code -} is standard input; a regular file is
     * looked at for its compression; anything else readable (a pipe, {@code /dev/stdin},
     * {@code <(zcat x.gz)}) is a stream like standard input. Directories are expanded before this
     * ({@link InputFiles}).
     */
    public static InputFile of(Path p, Charset charset) throws CsvInputException, IOException {
        if (p.toString().equals(STDIN)) {
            InputFile f = new InputFile(p, "stdin", Compression.NONE, charset, -1, false);
            f.openStream(System.in);
            return f;
        }
        if (!Files.exists(p)) {
            throw new CsvInputException(p + ": no such file");
        }
        if (Files.isDirectory(p)) {
            throw new CsvInputException(p + ": is a directory; give its files, or the directory alone to read every file in it");
        }
        if (!Files.isReadable(p)) {
            throw new CsvInputException(p + ": not readable (check its permissions)");
        }
        if (!Files.isRegularFile(p)) {
            InputFile f = new InputFile(p, p.toString(), Compression.NONE, charset, -1, false);
            // not Files.newInputStream: its channel-based stream fails on a pipe with "Illegal seek"
            f.openStream(new FileInputStream(p.toFile()));
            return f;
        }
        byte[] head = new byte[6];
        int n;
        try (InputStream in = Files.newInputStream(p)) {
            n = in.readNBytes(head, 0, head.length);
        }
        Compression c = detect(p.toString(), Arrays.copyOf(head, n));
        return new InputFile(p, p.toString(), c, charset, Files.size(p), true);
    }

    /** The compression the first bytes show; a format we cannot read is refused with what to do instead. */
    static Compression detect(String name, byte[] head) throws CsvInputException {
        int n = head.length;
        int b0 = n > 0 ? head[0] & 0xFF : -1;
        int b1 = n > 1 ? head[1] & 0xFF : -1;
        if (b0 == 0x1F && b1 == 0x8B) {
            return Compression.GZIP;
        }
        if (n >= 4 && b0 == 0x28 && b1 == 0xB5 && (head[2] & 0xFF) == 0x2F && (head[3] & 0xFF) == 0xFD) {
            return Compression.ZSTD;
        }
        String other = null;
        String tool = null;
        if (n >= 3 && b0 == 'B' && b1 == 'Z' && head[2] == 'h') {
            other = "bzip2";
            tool = "bzcat";
        } else if (n >= 6 && b0 == 0xFD && b1 == '7' && head[2] == 'z' && head[3] == 'X' && head[4] == 'Z' && head[5] == 0) {
            other = "xz";
            tool = "xzcat";
        } else if (n >= 4 && b0 == 'P' && b1 == 'K' && head[2] == 3 && head[3] == 4) {
            other = "a zip archive";
            tool = "unzip -p";
        }
        if (other != null) {
            throw new CsvInputException(name + " looks like " + other + ", which ringsift does not read (it reads plain, gzip and zstd): "
                    + "pipe it in instead, e.g. " + tool + " " + name + " | ringsift ... -");
        }
        return Compression.NONE;
    }

    private void openStream(InputStream raw) throws CsvInputException, IOException {
        restCounter = new CountingInputStream(raw);
        BufferedInputStream buffered = new BufferedInputStream(restCounter, 1 << 16);
        buffered.mark(8);
        byte[] head = buffered.readNBytes(6);
        buffered.reset();
        compressionOfStream = detect(name, head);
        InputStream decoded = guard(decode(buffered, compressionOfStream));
        sample = decoded.readNBytes(SAMPLE_BYTES);
        sampleIsWhole = sample.length < SAMPLE_BYTES;
        rest = decoded;
    }

    /** Standard input or a pipe: readable once, size unknown. */
    public boolean isStream() {
        return !regular;
    }

    /** True when readers may start at byte offsets: a plain UTF-8 regular file. */
    public boolean splittable() {
        return regular && compression == Compression.NONE && !transcoded();
    }

    /** True when the bytes are decoded from another charset (a UTF-8 BOM and line numbers are unchanged either way). */
    public boolean transcoded() {
        return !charset.equals(StandardCharsets.UTF_8);
    }

    public Path path() {
        return path;
    }

    /** The name used in reports and messages: the path, or {@code stdin}. */
    public String name() {
        return name;
    }

    public Compression compression() {
        return isStream() && compressionOfStream != null ? compressionOfStream : compression;
    }

    public Charset charset() {
        return charset;
    }

    /** Size in bytes as stored (compressed size for gzip/zstd); -1 when unknown (a stream). */
    public long size() {
        return size;
    }

    /**
     * The first {@link #SAMPLE_BYTES} decoded bytes (fewer for a shorter input): for the header,
     * sniffing and the size estimate. A stream's sample is kept (it cannot be read again); a
     * file's is read again on each call, so a run over 10,000 files does not hold 10,000 samples.
     */
    public synchronized byte[] sample() throws IOException {
        if (isStream()) {
            return sample;
        }
        try (InputStream in = openDecoded(null)) {
            byte[] b = in.readNBytes(SAMPLE_BYTES);
            sampleIsWhole = in.read() < 0;
            sampleKnown = true;
            return b;
        }
    }

    /** The first {@code n} decoded bytes (at most {@link #SAMPLE_BYTES}): cheaper than the sample for sniffing many files. */
    public synchronized byte[] head(int n) throws IOException {
        if (isStream()) {
            return Arrays.copyOf(sample, Math.min(n, sample.length));
        }
        try (InputStream in = openDecoded(null)) {
            return in.readNBytes(Math.min(n, SAMPLE_BYTES));
        }
    }

    /** True when {@link #sample()} is the whole decoded input. */
    public synchronized boolean sampleIsWhole() throws IOException {
        if (!isStream() && !sampleKnown) {
            if (splittable()) {
                return size <= SAMPLE_BYTES;
            }
            sample();
        }
        return sampleIsWhole;
    }

    /** An open input for a reader: the decoded bytes, and how many stored bytes were read so far. */
    public record Reading(InputStream in, LongSupplier storedBytes) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            in.close();
        }
    }

    /**
     * Opens the whole input, decoded to UTF-8, for one reader. A file can be opened again (exact
     * mode's second pass); a stream only once.
     */
    public synchronized Reading open() throws IOException {
        if (isStream()) {
            if (taken) {
                throw new IOException(name + " can be read only once (it is a stream, not a file): save it to a file first for this command");
            }
            taken = true;
            InputStream all = new SequenceInputStream(new ByteArrayInputStream(sample), rest);
            CountingInputStream counter = restCounter;
            return new Reading(all, counter::getCount);
        }
        CountingInputStream[] counter = new CountingInputStream[1];
        InputStream in = openDecoded(counter);
        return new Reading(in, counter[0]::getCount);
    }

    private InputStream openDecoded(CountingInputStream[] counterOut) throws IOException {
        CountingInputStream counter = new CountingInputStream(Files.newInputStream(path));
        if (counterOut != null) {
            counterOut[0] = counter;
        }
        InputStream stored = new BufferedInputStream(counter, 1 << 16);
        return guard(decode(stored, compression));
    }

    private InputStream decode(InputStream stored, Compression c) throws IOException {
        InputStream plain;
        try {
            plain = switch (c) {
                case NONE -> stored;
                case GZIP -> new GZIPInputStream(stored, 1 << 16);   // reads concatenated members too, as gzip -d does
                case ZSTD -> new ZstdInputStream(stored);
            };
        } catch (IOException | RuntimeException e) {
            stored.close();
            throw damaged(c, e);
        }
        return transcoded() ? new Utf8Transcoder(plain, charset) : plain;
    }

    /** Decoder failures name the input and what to do, instead of "Unexpected end of ZLIB input stream". */
    private InputStream guard(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException | RuntimeException e) {
                    throw damaged(e);
                }
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                try {
                    return super.read(b, off, len);
                } catch (IOException | RuntimeException e) {
                    throw damaged(e);
                }
            }
        };
    }

    private IOException damaged(Exception e) {
        return damaged(compression(), e);
    }

    private IOException damaged(Compression c, Exception e) {
        if (c == Compression.NONE) {
            return e instanceof IOException io ? io : new IOException(name + ": " + e.getMessage(), e);
        }
        String check = c == Compression.GZIP ? "gzip -t" : "zstd -t";
        return new IOException(name + " looks like " + c.label() + " but cannot be decompressed (" + e.getMessage()
                + "): the file is damaged or cut short; check it with " + check + " " + name, e);
    }

    /** How the input is stored, for messages: "gzip", "zstd, windows-1252", "" for plain UTF-8. */
    public String describeStorage() {
        StringBuilder sb = new StringBuilder();
        if (compression() != Compression.NONE) {
            sb.append(compression().label());
        }
        if (transcoded()) {
            sb.append(sb.length() > 0 ? ", " : "").append(charset.name());
        }
        return sb.toString();
    }
}
