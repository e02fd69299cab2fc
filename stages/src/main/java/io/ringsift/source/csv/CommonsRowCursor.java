package io.ringsift.source.csv;

import java.io.IOException;
import java.io.Reader;
import java.nio.CharBuffer;
import java.util.ArrayDeque;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * {@code --parser commons}: Apache Commons CSV parses the fields, the reference the fast parser is
 * tested against.
 *
 * <p>Commons CSV cannot skip a bad record and carry on (an unterminated quote or invalid UTF-8
 * ends its stream), and it does not report physical start lines or raw text. So the
 * {@link RecordFramer} frames records first; well-formed ones are decoded and fed to one long-lived
 * {@link CSVParser} through {@link FramedReader}, bad ones become rejects. Commons CSV reads ahead,
 * so the line and raw bytes of each fed record wait in a FIFO until its {@link CSVRecord} comes out;
 * the character position of each record is checked against the FIFO so the two can never drift.
 */
final class CommonsRowCursor implements RowCursor {

    /** A record fed to Commons CSV, or a rejected one waiting its turn. */
    private record Pending(long line, long charPosition, byte[] raw, byte[] rawWithTerminator, String reason) {}

    private final RecordFramer framer;
    private final int expectedFields;
    private final boolean keepRaw;
    private final Utf8 utf8 = new Utf8();
    private final ArrayDeque<Pending> fed = new ArrayDeque<>();
    private final ArrayDeque<Pending> rejected = new ArrayDeque<>();
    private final Iterator<CSVRecord> records;
    private Pending current;
    private String[] values;

    CommonsRowCursor(RecordFramer framer, CsvDialect dialect, int expectedFields, boolean keepRaw) throws IOException {
        this.framer = framer;
        this.expectedFields = expectedFields;
        this.keepRaw = keepRaw;
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setDelimiter(dialect.delimiter())
                .setQuote(dialect.quote())
                .setIgnoreEmptyLines(false)
                .get();
        this.records = CSVParser.builder().setReader(new FramedReader()).setFormat(format).get().iterator();
    }

    @Override
    public boolean next() throws IOException {
        values = null;
        if (!rejected.isEmpty()) {
            current = rejected.poll();
            return true;
        }
        boolean has;
        try {
            has = records.hasNext();
        } catch (IllegalStateException e) {
            throw new IOException("Commons CSV failed on a record the framer accepted near line " + framer.currentLine() + ": " + e.getMessage(), e);
        }
        if (!has) {
            current = rejected.poll();
            return current != null;
        }
        CSVRecord r = records.next();
        Pending p = fed.poll();
        if (p == null || p.charPosition != r.getCharacterPosition()) {
            throw new IllegalStateException("framer and Commons CSV disagree on record boundaries near line " + (p == null ? framer.currentLine() : p.line));
        }
        current = p;
        values = r.values();
        if (values.length != expectedFields) {
            current = new Pending(p.line, p.charPosition, p.raw, p.rawWithTerminator, "expected " + expectedFields + " fields, found " + values.length);
        }
        return true;
    }

    @Override
    public String rejectReason() {
        return current.reason;
    }

    @Override
    public String[] values() {
        return values;
    }

    @Override
    public long line() {
        return current.line;
    }

    @Override
    public byte[] raw(boolean withTerminator) {
        return withTerminator ? current.rawWithTerminator : current.raw;
    }

    @Override
    public long bytesRead() {
        return framer.bytesConsumed();
    }

    /** Feeds Commons CSV the decoded text of well-formed records, one at a time. */
    private final class FramedReader extends Reader {
        private CharBuffer chunk = CharBuffer.allocate(0);
        private long charsFed;

        @Override
        public int read(char[] cbuf, int off, int len) throws IOException {
            while (!chunk.hasRemaining()) {
                if (!frameNext()) {
                    return -1;
                }
            }
            int n = Math.min(len, chunk.remaining());
            chunk.get(cbuf, off, n);
            return n;
        }

        private boolean frameNext() throws IOException {
            if (!framer.next()) {
                return false;
            }
            // Commons CSV reports its own field count, so the framer's count is not checked here
            String reason = framer.problemReason();
            CharBuffer text = null;
            if (reason == null) {
                // decode the record with its terminator, so Commons CSV sees the same line structure
                int start = framer.recordStart();
                int end = start + (int) framer.recordLength();
                text = utf8.decode(framer.buffer(), start, end);
                if (text == null) {
                    reason = CsvRejects.INVALID_UTF8;
                }
            }
            // always kept: Commons CSV may still reject the record for its field count, and a reject shows its text
            byte[] raw = CsvRejects.raw(framer, false);
            byte[] rawT = keepRaw && reason == null ? CsvRejects.raw(framer, true) : null;
            if (reason != null) {
                rejected.add(new Pending(framer.recordLine(), -1, raw, rawT, reason));
                return true;
            }
            fed.add(new Pending(framer.recordLine(), charsFed, raw, rawT, null));
            int n = text.remaining();
            if (framer.recordEnd() == framer.recordStart() + framer.recordLength()) {
                // last record of the input without a terminator: end it, so the next fed record cannot join it
                CharBuffer withEol = CharBuffer.allocate(n + 1);
                withEol.put(text).put('\n').flip();
                text = withEol;
                n++;
            }
            chunk = CharBuffer.allocate(n).put(text).flip();
            charsFed += n;
            return true;
        }

        @Override
        public void close() {
        }
    }
}
