package io.ringsift.source.csv;

import io.ringsift.io.FileIdentity;

import io.ringsift.key.KeyEncoder;
import io.ringsift.key.KeyHash;
import io.ringsift.partial.CsvFieldProfile;
import io.ringsift.partial.FieldProfile;
import io.ringsift.partial.HashPairSet;
import io.ringsift.record.ByteRow;
import io.ringsift.record.RecordBatch;
import io.ringsift.record.RecordSink;
import io.ringsift.record.Reject;
import io.ringsift.record.RejectSink;
import io.ringsift.source.UnitReader;
import io.ringsift.source.UnitResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.function.LongSupplier;

/**
 * Reads one CSV unit: frames and parses its records, hashes each accepted record's key once, and
 * fills batches for the ring. Bad records become rejects naming the file and the line where they
 * start. One instance per reader thread.
 */
public final class CsvUnitReader implements UnitReader<CsvUnit, ByteRow> {
    /** Raw text kept in a reject is cut here so one huge bad record cannot bloat rejects.csv. */
    static final int MAX_REJECT_TEXT = 64 * 1024;

    private final CsvDialect dialect;
    private final CsvParser parser;
    private final boolean keepRaw;
    private final KeyEncoder encoder = new KeyEncoder();
    private final KeyHash hash = new KeyHash();
    private final HashPairSet only;
    private final boolean withValues;
    private final FieldProfile<? super ByteRow> profile;
    /** One row's values for {@link #profile}: small, so it stays in this core's cache. */
    private final RecordBatch<ByteRow> scratch;
    /** {@link #profile} when it can take fields straight from the framer's buffer ({@link RowCursor#sliceTo}), else null. */
    private final CsvFieldProfile sliced;

    /** @param keepRaw keep each accepted record's bytes (with terminator) in the batch, for check output */
    public CsvUnitReader(CsvDialect dialect, CsvParser parser, boolean keepRaw) {
        this(dialect, parser, keepRaw, null);
    }

    /**
     * @param only when not null, exact mode's second pass: publish only rows whose key hash is in
     *             this set, each with its canonical key bytes attached as the row's raw bytes;
     *             rejects are not reported again
     */
    public CsvUnitReader(CsvDialect dialect, CsvParser parser, boolean keepRaw, HashPairSet only) {
        this(dialect, parser, keepRaw, only, true);
    }

    /**
     * @param withValues put each row's values in the batch as a {@link ByteRow}; false when no stage
     *                   reads them ({@code --stats none}), so the fast parser makes no strings
     */
    public CsvUnitReader(CsvDialect dialect, CsvParser parser, boolean keepRaw, HashPairSet only, boolean withValues) {
        this(dialect, parser, keepRaw, only, withValues, null);
    }

    /**
     * @param profile when not null, this reader keeps the field statistics of the rows it accepts
     *                itself, where their bytes are still in its core's cache, and the batches carry
     *                key hashes only (pass {@code withValues} false): handing every field to a
     *                handler thread cost more than the statistics (docs/benchmarks.md). The
     *                profile is this reader's alone until its run ends.
     */
    public CsvUnitReader(CsvDialect dialect, CsvParser parser, boolean keepRaw, HashPairSet only, boolean withValues,
                         FieldProfile<? super ByteRow> profile) {
        this.dialect = dialect;
        this.parser = parser;
        this.keepRaw = keepRaw;
        this.only = only;
        this.withValues = withValues;
        this.profile = only == null ? profile : null;
        this.scratch = this.profile == null ? null : new RecordBatch<>(1);
        this.sliced = this.profile instanceof CsvFieldProfile c ? c : null;
    }

    @Override
    public UnitResult read(CsvUnit unit, RecordSink<? super ByteRow> sink, RejectSink rejects) throws IOException {
        CsvFile file = unit.file();
        long length = unit.end() - unit.start();
        sink.publish(unit.id());
        InputFile input = file.input();
        if (!input.splittable()) {
            // compressed, transcoded or standard input: one unit, opened by InputFile (the only place that decodes)
            try (InputFile.Reading r = input.open()) {
                return read(unit, new RecordFramer(r.in(), Long.MAX_VALUE, 0, 1, dialect), r.storedBytes(), false, sink, rejects);
            }
        }
        try (FileChannel ch = FileChannel.open(file.path(), StandardOpenOption.READ)) {
            checkIdentity(unit);
            ch.position(unit.start());
            InputStream in = Channels.newInputStream(ch);
            RecordFramer framer = new RecordFramer(in, length, unit.start(), unit.firstLine(), dialect);
            return read(unit, framer, null, true, sink, rejects);
        } catch (NoSuchFileException e) {
            throw new IOException(unit.describe() + ": file disappeared before it could be read", e);
        }
    }

    /**
     * Reads {@code unit} from {@code in}, a stream already positioned at {@code unit.start()} (a Hadoop
     * FileSystem stream in a Spark task; the caller closes it). The unit's {@code file().path()} is used
     * for nothing but its name.
     */
    public UnitResult read(CsvUnit unit, InputStream in, RecordSink<? super ByteRow> sink, RejectSink rejects) throws IOException {
        sink.publish(unit.id());
        RecordFramer framer = new RecordFramer(in, unit.end() - unit.start(), unit.start(), unit.firstLine(), dialect);
        return read(unit, framer, null, true, sink, rejects);
    }

    /**
     * The file just opened is the one planned, unchanged (same file key, size and modification
     * time): stat after open, so a file replaced before the open is caught, and one replaced after
     * it is still read whole from the planned file the channel holds.
     */
    private static void checkIdentity(CsvUnit unit) throws IOException {
        FileIdentity planned = unit.file().identity();
        if (planned == null) {
            return;
        }
        String difference = planned.difference(FileIdentity.of(unit.file().path()));
        if (difference != null) {
            throw new IOException(unit.describe() + ": file changed since the run was planned: " + difference);
        }
    }

    /**
     * @param stored    bytes read from storage so far, for progress (compressed bytes of a compressed
     *                  input); null when that is the framed bytes
     * @param exactSize true when the unit's length is known and must be read exactly
     */
    private UnitResult read(CsvUnit unit, RecordFramer framer, LongSupplier stored, boolean exactSize, RecordSink<? super ByteRow> sink,
                            RejectSink rejects) throws IOException {
        CsvFile file = unit.file();
        long length = unit.end() - unit.start();
        long records = 0;
        long rejected = 0;
        int columns = file.columns().size();
        RowCursor cursor = parser == CsvParser.FAST
                ? new FastRowCursor(framer, columns)
                : new CommonsRowCursor(framer, dialect, columns, keepRaw);
        boolean header = unit.start() == 0 && dialect.header();
        int[] key = file.keyIndexes();
        if (sliced != null) {
            // handed values ride in the batch's arena, which must hold nothing else; and only the
            // fast cursor slices every row (a row the profile takes whole must find every column here)
            sliced.handTo(withValues || parser != CsvParser.FAST ? null : sink);
            // the profile keeps pointers into the framer's buffer until it feeds them (drain)
            framer.beforeRefill(sliced::drain);
        }
        long reported = 0;
        while (cursor.next()) {
            if (header) {
                header = false;
                continue;
            }
            String reason = cursor.rejectReason();
            if (reason != null) {
                rejected++;
                if (only != null) {
                    continue;
                }
                rejects.reject(new Reject(unit.source(), cursor.line(), null, explain(reason, file.input()), rejectText(cursor.raw(false))));
                if (sink.stopRequested()) {
                    break;   // --max-rejects reached: a file of nothing but bad rows publishes no batch to notice it by
                }
                continue;
            }
            encoder.reset();
            for (int k : key) {
                cursor.addKeyPart(encoder, k);
            }
            encoder.hash(hash);
            records++;
            byte[] attached = keepRaw ? cursor.raw(true) : null;
            if (only != null) {
                if (!only.contains(hash.lo, hash.hi)) {
                    continue;
                }
                attached = encoder.toBytes();
            }
            RecordBatch<? super ByteRow> batch = sink.batch();
            ByteRow values = withValues ? cursor.row(batch) : null;
            // last: slicing may collapse doubled quotes in the framer's buffer
            if (profile != null && (sliced == null || !cursor.sliceTo(sliced, unit.id(), batch))) {
                scratch.reset(unit.id());
                profile.accept(cursor.row(scratch), unit.id());
            }
            if (batch.add(hash.lo, hash.hi, cursor.line(), values, attached)) {
                reported = reportBytes(batch, cursor, stored, reported);
                sink.publish(unit.id());
                if (sink.stopRequested()) {
                    break;
                }
            }
        }
        if (sliced != null) {
            sliced.drain();
        }
        reportBytes(sink.batch(), cursor, stored, reported);
        sink.publish(unit.id());
        long read = cursor.bytesRead();
        if (exactSize && !sink.stopRequested() && read != length) {
            throw new IOException(unit.describe() + ": file changed while reading: expected " + length + " bytes, read " + read);
        }
        return new UnitResult(unit.id(), records, rejected, stored == null ? read : stored.getAsLong(), 0);
    }

    private static long reportBytes(RecordBatch<?> batch, RowCursor cursor, LongSupplier stored, long reported) {
        long now = stored == null ? cursor.bytesRead() : stored.getAsLong();
        batch.addInputBytes(now - reported);
        return now;
    }

    /** Invalid text in a transcoded input is invalid in its charset, not "invalid UTF-8". */
    private static String explain(String reason, InputFile input) {
        if (input.transcoded() && reason.startsWith(CsvRejects.INVALID_UTF8)) {
            return "bytes not valid in " + input.charset().name() + reason.substring(CsvRejects.INVALID_UTF8.length());
        }
        return reason;
    }

    private static String rejectText(byte[] raw) {
        int n = Math.min(raw.length, MAX_REJECT_TEXT);
        String s = new String(raw, 0, n, StandardCharsets.UTF_8);
        return n < raw.length ? s + "…[" + (raw.length - n) + " more bytes]" : s;
    }
}
