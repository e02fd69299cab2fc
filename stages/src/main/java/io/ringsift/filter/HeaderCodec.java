package io.ringsift.filter;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The header block: fixed field order, big-endian numbers, strings as u16 byte length + UTF-8.
 * Version 2 appends two fields to version 1's eleven. Field by field in docs/filter-format.md. Any
 * change here is a new format version.
 */
final class HeaderCodec {
    private static final int MAX_STRING_BYTES = 0xFFFF;

    private HeaderCodec() {
    }

    static byte[] encode(FilterHeader h) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            string(out, "key spec", h.keySpec());
            string(out, "key source", h.keySource());
            string(out, "key encoding", h.keyEncoding());
            string(out, "hash scheme", h.hashScheme());
            out.writeLong(h.expectedKeys());
            out.writeDouble(h.fpp());
            out.writeLong(h.bits());
            out.writeInt(h.hashFunctions());
            out.writeLong(h.records());
            out.writeLong(h.duplicateRecords());
            string(out, "created at", h.createdAt().toString());
            if (h.formatVersion() >= 2) {
                string(out, "count method", h.countMethod());
                out.writeLong(h.distinctKeys());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    /**
     * Decodes a header block that passed the checksum. Throws {@link IllegalArgumentException}
     * naming the field when the block is malformed (short, over-long, bad UTF-8, bad value).
     */
    static FilterHeader decode(int formatVersion, byte[] block) {
        ByteBuffer in = ByteBuffer.wrap(block);
        String field = "key spec";
        try {
            String keySpec = string(in);
            field = "key source";
            String keySource = string(in);
            field = "key encoding";
            String keyEncoding = string(in);
            field = "hash scheme";
            String hashScheme = string(in);
            field = "counts and sizes";
            long expectedKeys = in.getLong();
            double fpp = in.getDouble();
            long bits = in.getLong();
            int hashFunctions = in.getInt();
            long records = in.getLong();
            long duplicateRecords = in.getLong();
            field = "created at";
            Instant createdAt = Instant.parse(string(in));
            String countMethod = FilterHeader.COUNT_BLOOM;
            long distinctKeys = -1;
            if (formatVersion >= 2) {
                field = "count method";
                countMethod = string(in);
                field = "distinct keys";
                distinctKeys = in.getLong();
            }
            if (in.hasRemaining()) {
                throw new IllegalArgumentException(in.remaining() + " unexpected bytes after the last field");
            }
            return new FilterHeader(formatVersion, keySpec, keySource, keyEncoding, hashScheme, expectedKeys, fpp,
                    bits, hashFunctions, records, duplicateRecords, createdAt, countMethod, distinctKeys);
        } catch (BufferUnderflowException e) {
            throw new IllegalArgumentException("header block (" + block.length + " bytes) ends inside field '" + field + "'", e);
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("field '" + field + "' is not valid UTF-8", e);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("field 'created at' is not an ISO-8601 instant: " + e.getParsedString(), e);
        }
    }

    private static void string(DataOutputStream out, String field, String s) throws IOException {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > MAX_STRING_BYTES) {
            throw new IllegalArgumentException("Header field '" + field + "' is " + utf8.length
                    + " UTF-8 bytes; the format allows at most " + MAX_STRING_BYTES);
        }
        out.writeShort(utf8.length);
        out.write(utf8);
    }

    private static String string(ByteBuffer in) throws CharacterCodingException {
        int n = Short.toUnsignedInt(in.getShort());
        if (n > in.remaining()) {
            throw new BufferUnderflowException();
        }
        ByteBuffer slice = in.slice().limit(n);
        in.position(in.position() + n);
        // strict decoding: a replaced character would be a silently different key spec
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(slice)
                .toString();
    }
}
