package io.ringsift.source.jsonl;

import io.ringsift.key.KeyEncoder;
import io.ringsift.key.KeyHash;
import io.ringsift.key.KeySpec;
import io.ringsift.record.RecordBatch;
import io.ringsift.record.RecordSink;
import io.ringsift.record.Reject;
import io.ringsift.record.RejectSink;
import io.ringsift.source.UnitReader;
import io.ringsift.source.UnitResult;
import io.ringsift.source.mongo.DocumentKeyEncoder;
import io.ringsift.source.mongo.ExtJson;
import io.ringsift.source.mongo.KeyPathCheck;
import io.ringsift.partial.HashPairSet;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Locale;
import org.bson.BsonInvalidOperationException;
import org.bson.BsonType;
import org.bson.RawBsonDocument;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.RawBsonDocumentCodec;
import org.bson.json.JsonMode;
import org.bson.json.JsonParseException;
import org.bson.json.JsonReader;
import org.bson.json.JsonWriterSettings;

/**
 * Reads one JSON unit into the ring. Each line of a JSON Lines range is Extended JSON v2 (relaxed or
 * canonical), parsed with the driver's own {@link JsonReader} straight into a {@link RawBsonDocument}
 * by the driver's {@link RawBsonDocumentCodec}: the same BSON bytes a collection would return for
 * the document, so keys ({@link DocumentKeyEncoder}) and field discovery see exactly what they see
 * from a cursor.
 *
 * <p>A UTF-8 byte order mark at the start of a file is skipped. A blank line is skipped (not a
 * record). Rejected, with the file and line: invalid UTF-8, a line that is not one JSON document
 * (including trailing text after it), a line over {@link #MAX_LINE_BYTES}, a document without its
 * key field. A JSON array file is one unit, streamed element by element; since an array cannot be
 * resynchronised after a syntax error, a malformed array fails the run naming the element.
 *
 * <p>One instance per reader thread.
 */
public final class JsonlUnitReader implements UnitReader<JsonlUnit, RawBsonDocument> {
    /** Longest line held in memory: BSON documents are at most 16 MiB, and their JSON text rarely twice that. */
    public static final int MAX_LINE_BYTES = 32 << 20;
    private static final int REJECT_TEXT = 64 * 1024;
    private static final JsonWriterSettings CANONICAL = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED).build();

    private final DocumentKeyEncoder keys;
    private final boolean keepRaw;
    private final KeyEncoder enc = new KeyEncoder();
    private final KeyHash hash = new KeyHash();
    private final RawBsonDocumentCodec codec = new RawBsonDocumentCodec();
    private final DecoderContext context = DecoderContext.builder().build();
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buf = new byte[1 << 16];
    private byte[] line = new byte[1 << 12];

    /**
     * @param key     the key paths, or null to key each document by its whole BSON bytes (field
     *                discovery, where every document counts and no field is required)
     * @param keepRaw attach each accepted line's original bytes (with its line end) to the batch, for check output
     */
    public JsonlUnitReader(KeySpec key, boolean keepRaw) {
        this(key, keepRaw, null);
    }

    /**
     * @param only when not null, exact mode's second pass: publish only documents whose key hash is
     *             in {@code only}, with the canonical key bytes attached instead of the line;
     *             rejects are not reported again
     */
    public JsonlUnitReader(KeySpec key, boolean keepRaw, HashPairSet only) {
        this.keys = key == null ? null : new DocumentKeyEncoder(key);
        this.keepRaw = keepRaw;
        this.only = only;
    }

    private final HashPairSet only;
    /** As for a collection: a --key no document has stops the run instead of rejecting everything. */
    private final KeyPathCheck keyCheck = new KeyPathCheck();

    /** Builds the key of {@code doc} into {@link #enc}; returns the reject reason, or null. */
    private String encode(RawBsonDocument doc) {
        if (keys != null) {
            String problem = keys.encode(doc, enc);
            keyCheck.observe(doc, problem);
            return problem;
        }
        enc.reset();
        ByteBuffer bson = doc.getByteBuffer().asNIO();
        byte[] bytes = new byte[bson.remaining()];
        bson.get(bytes);
        enc.addBytes((byte) BsonType.DOCUMENT.getValue(), bytes, 0, bytes.length);
        return null;
    }

    /** Counts of one unit, updated as it is read. */
    private static final class Counts {
        long records;
        long rejected;
        long bytes;
        long reported;
    }

    @Override
    public UnitResult read(JsonlUnit unit, RecordSink<? super RawBsonDocument> sink, RejectSink rejects) throws IOException {
        sink.publish(unit.id());
        try (FileChannel ch = FileChannel.open(unit.path(), StandardOpenOption.READ)) {
            ch.position(unit.start());
            InputStream in = Channels.newInputStream(ch);
            Counts c = new Counts();
            RejectSink reported = only == null ? rejects : r -> { };
            if (unit.array()) {
                readArray(unit, in, sink, reported, c);
            } else {
                readLines(unit, in, sink, reported, c);
            }
            keyCheck.unitDone();
            sink.batch().addInputBytes(c.bytes - c.reported);
            sink.publish(unit.id());
            long length = unit.end() - unit.start();
            if (!sink.stopRequested() && c.bytes != length) {
                throw new IOException(unit.describe() + ": file changed while reading: expected " + length + " bytes, read " + c.bytes);
            }
            return new UnitResult(unit.id(), c.records, c.rejected, c.bytes, 0);
        } catch (NoSuchFileException e) {
            throw new IOException(unit.describe() + ": file disappeared before it could be read", e);
        }
    }

    private void readLines(JsonlUnit unit, InputStream in, RecordSink<? super RawBsonDocument> sink, RejectSink rejects, Counts c) throws IOException {
        long remaining = unit.end() - unit.start();
        long lineNo = unit.firstLine();
        int len = 0;              // bytes of the current line held in `line` (with its line feed)
        long dropped = 0;         // bytes of the current line beyond MAX_LINE_BYTES, not held
        while (remaining > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, remaining));
            if (n < 0) {
                break;
            }
            remaining -= n;
            int from = 0;
            for (int i = 0; i < n; i++) {
                if (buf[i] == '\n') {
                    len = append(buf, from, i + 1 - from, len);
                    dropped += overflow;
                    c.bytes += len + dropped;
                    if (!line(unit, lineNo++, len, dropped, sink, rejects, c)) {
                        return;
                    }
                    len = 0;
                    dropped = 0;
                    from = i + 1;
                }
            }
            len = append(buf, from, n - from, len);
            dropped += overflow;
        }
        if (len > 0 || dropped > 0) {      // the last line has no line feed
            c.bytes += len + dropped;
            line(unit, lineNo, len, dropped, sink, rejects, c);
        }
    }

    private long overflow;

    /** Appends to the line buffer up to {@link #MAX_LINE_BYTES}; what does not fit is counted in {@link #overflow}. */
    private int append(byte[] src, int off, int n, int len) {
        int keep = Math.max(0, Math.min(n, MAX_LINE_BYTES - len));
        overflow = n - keep;
        if (len + keep > line.length) {
            line = Arrays.copyOf(line, Math.max(len + keep, Math.min(MAX_LINE_BYTES, line.length * 2)));
        }
        System.arraycopy(src, off, line, len, keep);
        return len + keep;
    }

    /** Handles one line held in {@code line[0..len)}; returns false when the run asks to stop. */
    private boolean line(JsonlUnit unit, long lineNo, int len, long dropped, RecordSink<? super RawBsonDocument> sink, RejectSink rejects, Counts c) {
        int start = lineNo == 1 && len >= 3 && (line[0] & 0xFF) == 0xEF && (line[1] & 0xFF) == 0xBB && (line[2] & 0xFF) == 0xBF ? 3 : 0;
        int end = len;
        if (dropped == 0) {
            while (end > start && (line[end - 1] == '\n' || line[end - 1] == '\r')) {
                end--;
            }
        }
        if (dropped == 0 && blank(start, end)) {
            return true;
        }
        if (dropped > 0) {
            return reject(unit, lineNo, null, "line longer than " + (MAX_LINE_BYTES >> 20) + " MiB (" + (len + dropped) + " bytes)",
                    start, Math.min(len, start + REJECT_TEXT), sink, rejects, c);
        }
        String text;
        try {
            text = utf8.decode(ByteBuffer.wrap(line, start, end - start)).toString();
        } catch (CharacterCodingException e) {
            return reject(unit, lineNo, null, "invalid UTF-8", start, end, sink, rejects, c);
        }
        RawBsonDocument doc;
        try {
            JsonReader reader = new JsonReader(text);
            if (reader.readBsonType() != BsonType.DOCUMENT) {
                return reject(unit, lineNo, null, "not a JSON document: the line holds " + what(reader.getCurrentBsonType()),
                        start, end, sink, rejects, c);
            }
            doc = codec.decode(reader, context);
            if (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                return reject(unit, lineNo, null, "more than one JSON value on the line", start, end, sink, rejects, c);
            }
        } catch (JsonParseException | BsonInvalidOperationException e) {
            return reject(unit, lineNo, null, "malformed JSON: " + firstLine(e.getMessage()), start, end, sink, rejects, c);
        }
        String problem = encode(doc);
        if (problem != null) {
            return reject(unit, lineNo, doc.containsKey("_id") ? ExtJson.of(doc.get("_id")) : null, problem, start, end, sink,
                    rejects, c);
        }
        c.records++;
        enc.hash(hash);
        if (only != null) {
            return !only.contains(hash.lo, hash.hi) || publish(unit, lineNo, null, enc.toBytes(), sink, c);
        }
        byte[] raw = null;
        if (keepRaw) {
            // the line as it was, with its own line end (one is added to a last line that had none)
            boolean terminated = len > start && line[len - 1] == '\n';
            raw = Arrays.copyOfRange(line, start, terminated ? len : len + 1);
            if (!terminated) {
                raw[raw.length - 1] = '\n';
            }
        }
        return publish(unit, lineNo, doc, raw, sink, c);
    }

    private boolean publish(JsonlUnit unit, long lineNo, RawBsonDocument row, byte[] raw, RecordSink<? super RawBsonDocument> sink, Counts c) {
        RecordBatch<? super RawBsonDocument> batch = sink.batch();
        if (batch.add(hash.lo, hash.hi, lineNo, row, raw)) {
            batch.addInputBytes(c.bytes - c.reported);
            c.reported = c.bytes;
            sink.publish(unit.id());
            return !sink.stopRequested();
        }
        return true;
    }

    private boolean blank(int start, int end) {
        for (int i = start; i < end; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    private static String what(BsonType t) {
        return switch (t) {
            case ARRAY -> "an array (a file is read as one JSON array only when '[' is its first character)";
            case END_OF_DOCUMENT -> "nothing";
            default -> "a " + t.name().toLowerCase(Locale.ROOT);
        };
    }

    private boolean reject(JsonlUnit unit, long lineNo, String id, String reason, int from, int to, RecordSink<? super RawBsonDocument> sink,
                           RejectSink rejects, Counts c) {
        c.rejected++;
        int n = Math.min(to - from, REJECT_TEXT);
        String raw = new String(line, from, n, StandardCharsets.UTF_8) + (n < to - from ? "…" : "");
        rejects.reject(new Reject(unit.source(), lineNo, id, reason, raw));
        return !sink.stopRequested();   // --max-rejects reached: a file of only bad lines publishes no batch to notice it by
    }

    /** A JSON array file: streamed element by element; a syntax error fails the unit, naming the element. */
    private void readArray(JsonlUnit unit, InputStream file, RecordSink<? super RawBsonDocument> sink, RejectSink rejects, Counts c) throws IOException {
        InputStream counted = new FilterInputStream(file) {
            @Override
            public int read() throws IOException {
                int b = super.read();
                if (b >= 0) {
                    c.bytes++;
                }
                return b;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                int n = super.read(b, off, len);
                if (n > 0) {
                    c.bytes += n;
                }
                return n;
            }
        };
        PushbackInputStream bomless = new PushbackInputStream(counted, 3);
        byte[] bom = bomless.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            bomless.unread(bom);
        }
        CharsetDecoder strict = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        long element = 0;
        try (BufferedReader text = new BufferedReader(new InputStreamReader(bomless, strict), 1 << 16)) {
            JsonReader reader = new JsonReader(text);
            reader.readStartArray();
            while (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                element++;
                if (reader.getCurrentBsonType() != BsonType.DOCUMENT) {
                    String type = reader.getCurrentBsonType().name().toLowerCase(Locale.ROOT);
                    reader.skipValue();
                    c.rejected++;
                    rejects.reject(new Reject(unit.source(), 0, null, "array element " + element + " is a " + type + ", not a document", null));
                    if (sink.stopRequested()) {
                        return;
                    }
                    continue;
                }
                RawBsonDocument doc = codec.decode(reader, context);
                String problem = encode(doc);
                if (problem != null) {
                    c.rejected++;
                    rejects.reject(new Reject(unit.source(), 0, doc.containsKey("_id") ? ExtJson.of(doc.get("_id")) : null,
                            "array element " + element + ": " + problem, ExtJson.truncated(doc, REJECT_TEXT)));
                    if (sink.stopRequested()) {
                        return;
                    }
                    continue;
                }
                c.records++;
                enc.hash(hash);
                if (only != null) {
                    if (only.contains(hash.lo, hash.hi) && sink.batch().add(hash.lo, hash.hi, element, null, enc.toBytes())) {
                        sink.publish(unit.id());
                    }
                    continue;
                }
                byte[] raw = keepRaw ? (doc.toJson(CANONICAL) + "\n").getBytes(StandardCharsets.UTF_8) : null;
                if (sink.batch().add(hash.lo, hash.hi, element, doc, raw)) {
                    sink.publish(unit.id());
                    if (sink.stopRequested()) {
                        return;
                    }
                }
            }
            reader.readEndArray();
            if (reader.readBsonType() != BsonType.END_OF_DOCUMENT) {
                throw new JsonParseException("text after the closing ']'");
            }
            // the reader reads ahead in blocks: drain what is left (whitespace) so the byte count is the file's
            while (text.read() >= 0) {
                // nothing: readBsonType above proved only blanks remain
            }
        } catch (JsonParseException | BsonInvalidOperationException e) {
            throw new IOException(unit.source() + ": malformed JSON array " + (element == 0 ? "at its start" : "at element " + element)
                    + ": " + firstLine(e.getMessage()) + " (an array file is read whole; fix it, or write one document per line as JSON Lines)", e);
        } catch (MalformedInputException e) {
            throw new IOException(unit.source() + ": invalid UTF-8 in the JSON array after element " + element, e);
        }
    }

    private static String firstLine(String m) {
        if (m == null) {
            return "";
        }
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
