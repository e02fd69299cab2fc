package io.ringsift.source.csv;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a stream of CSV bytes into raw records and their fields, counting physical lines.
 *
 * <p>This is the one place that decides where a record starts and ends; the byte-range splitter,
 * both field parsers and the rejects all use it, so they can never disagree. The rules follow
 * RFC 4180 as Apache Commons CSV reads it:
 * <ul>
 *   <li>a quote is special only as the first byte of a field; elsewhere it is an ordinary byte;</li>
 *   <li>inside a quoted field a doubled quote is one quote, and delimiters, CR and LF are data;</li>
 *   <li>after the closing quote only spaces/tabs may come before the delimiter or line end
 *       (Commons CSV throws "invalid char between encapsulated token and delimiter"; here the
 *       record is reported as a problem and reading resumes at the next line end);</li>
 *   <li>CR LF, LF and a lone CR each end a line and a record; a line with no bytes at all is
 *       skipped, a line of spaces is a record with one field;</li>
 *   <li>a UTF-8 byte order mark at the very start of the file is dropped.</li>
 * </ul>
 *
 * <p>Memory is bounded: a record longer than {@code maxRecordBytes} is skipped to its end without
 * being buffered and reported as {@link Problem#RECORD_TOO_LARGE}; a field longer than
 * {@code maxFieldBytes} is reported as {@link Problem#FIELD_TOO_LARGE}.
 *
 * <p>Buffer ownership: after {@link #next()} returns true, the record's bytes are
 * {@code buffer()[recordStart() .. recordEnd())} and each field {@code i} is
 * {@code buffer()[fieldStart(i) .. fieldEnd(i))}; all are valid only until the next call.
 */
public final class RecordFramer {

    /** Why a framed record cannot be accepted; null when it is well formed. */
    public enum Problem {
        UNTERMINATED_QUOTE("unterminated quoted field (end of input inside quotes)"),
        CHAR_AFTER_QUOTE("invalid character after closing quote"),
        RECORD_TOO_LARGE("record exceeds --max-record-size"),
        FIELD_TOO_LARGE("field exceeds --max-field-size");

        public final String reason;

        Problem(String reason) {
            this.reason = reason;
        }
    }

    /**
     * How the framer skips the ordinary bytes of a field. Both find exactly the same bytes; {@link #BYTEWISE}
     * is kept as the reference the word-at-a-time path is tested against ({@code WordAtATimeFramingTest})
     * and priced against ({@code FramerBench}).
     */
    public enum Scan {
        /** One byte per step, three comparisons each. */
        BYTEWISE,
        /** Eight bytes per step (SWAR on a {@code long}), the default. */
        WORDS
    }

    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    private static final int QUOTE_SEEN = 3;
    private static final int AFTER_QUOTE = 4;
    private static final int BAD = 5;

    private final InputStream in;
    private final long startOffset;
    private final byte delimiter;
    /** A byte value, or {@link CsvDialect#NO_QUOTE} (equal to no byte) for {@code --quote none}. */
    private final int quote;
    private final int maxRecordBytes;
    private final int maxFieldBytes;
    private final boolean words;
    /** The delimiter and the quote repeated in all eight bytes of a long, for the word-at-a-time scan. */
    private final long delimiters;
    private final long quotes;
    private long remaining;

    private byte[] buf;
    private int pos;
    private int limit;
    private boolean eof;
    /** Stream offset of buf[0]. */
    private long bufOffset;
    /** How far the last {@link #fill} moved the buffer contents left. */
    private int lastShift;
    /** Told before the buffer moves, grows or takes more bytes: whoever still points into it. */
    private Runnable beforeRefill;
    private boolean atFileStart;
    private long line;
    private byte prev;

    // the current record
    private int recStart;
    private int recEnd;
    private long recLine;
    private long recOffset;
    private long recLength;
    private Problem problem;
    private boolean skipping;
    private int fieldCount;
    /** Fields of the current record that hold doubled quotes: none means every field is a plain slice of the buffer. */
    private int escapedFields;
    private int[] fStart = new int[16];
    private int[] fEnd = new int[16];
    private boolean[] fEscaped = new boolean[16];

    /**
     * @param in          the bytes of one unit, positioned at a record boundary
     * @param length      how many bytes to read from {@code in} (Long.MAX_VALUE: to its end)
     * @param startOffset file offset of the first byte (0 means a BOM may follow)
     * @param firstLine   physical line number of the first byte
     */
    public RecordFramer(InputStream in, long length, long startOffset, long firstLine, CsvDialect dialect) {
        this(in, length, startOffset, firstLine, dialect, Scan.WORDS);
    }

    /** As above, choosing how ordinary bytes are skipped (for the differential test and JMH). */
    public RecordFramer(InputStream in, long length, long startOffset, long firstLine, CsvDialect dialect, Scan scan) {
        this.in = in;
        this.words = scan == Scan.WORDS;
        this.delimiters = Swar.broadcast(dialect.delimiterByte());
        this.quotes = Swar.broadcast(dialect.quoteSearchByte());
        this.remaining = length;
        this.delimiter = dialect.delimiterByte();
        this.quote = dialect.quoteCode();
        this.maxRecordBytes = dialect.maxRecordBytes();
        this.maxFieldBytes = dialect.maxFieldBytes();
        this.buf = new byte[Math.min(1 << 16, Math.max(1024, maxRecordBytes))];
        this.bufOffset = startOffset;
        this.startOffset = startOffset;
        this.atFileStart = startOffset == 0;
        this.line = firstLine;
    }

    /**
     * Frames the next record. Returns false at the end of the input. Truly blank lines are
     * skipped here and never returned.
     */
    public boolean next() throws IOException {
        if (atFileStart) {
            skipBom();
        }
        while (true) {
            if (pos == limit && !fill(pos)) {
                return false;
            }
            byte b = buf[pos];
            if (b == '\n' && prev == '\r') {
                // second half of a CRLF that ended the previous record
                prev = b;
                pos++;
                continue;
            }
            if (b == '\n' || b == '\r') {
                // a blank line: neither record nor reject
                prev = b;
                line++;
                pos++;
                continue;
            }
            break;
        }
        return frameRecord();
    }

    private boolean frameRecord() throws IOException {
        recStart = pos;
        recLine = line;
        recOffset = bufOffset + pos;
        problem = null;
        skipping = false;
        fieldCount = 0;
        escapedFields = 0;
        if (words && frameInBuffer()) {
            return true;
        }
        int state = FIELD_START;
        int fieldBegin = 0;
        boolean escaped = false;
        int quoteClose = 0;
        while (true) {
            if (state == UNQUOTED || state == QUOTED) {
                // the hot loop: skip ordinary bytes using locals only, so fields are written once per run of
                // bytes instead of once per byte (a JFR profile of ingest showed frameRecord as the top frame)
                final byte[] b = buf;
                final int lim = limit;
                int p = pos;
                if (words) {
                    p = Swar.skipTo3(b, p, lim, state == UNQUOTED ? delimiters : quotes);
                } else if (state == UNQUOTED) {
                    final byte d = delimiter;
                    while (p < lim) {
                        byte c = b[p];
                        if (c == d || c == '\n' || c == '\r') {
                            break;
                        }
                        p++;
                    }
                } else {
                    final int q = quote;
                    while (p < lim) {
                        byte c = b[p];
                        if (c == q || c == '\n' || c == '\r') {
                            break;
                        }
                        p++;
                    }
                }
                if (p != pos) {
                    prev = b[p - 1];
                    pos = p;
                }
            }
            if (pos == limit) {
                if (!skipping && pos - recStart >= maxRecordBytes) {
                    startSkipping();
                }
                boolean more = fill(skipping ? pos : recStart);
                fieldBegin -= lastShift;
                quoteClose -= lastShift;
                if (!more) {
                    // end of input ends the record
                    if (state == QUOTED) {
                        flag(Problem.UNTERMINATED_QUOTE);
                    }
                    endField(state, fieldBegin, quoteClose, escaped);
                    recEnd = pos;
                    checkRecordSize();
                    recLength = bufOffset + pos - recOffset;
                    return true;
                }
                continue;
            }
            byte b = buf[pos];
            switch (state) {
                case FIELD_START:
                    if (b == quote) {
                        state = QUOTED;
                        fieldBegin = pos + 1;
                        escaped = false;
                    } else if (b == delimiter) {
                        addField(pos, pos, false);
                    } else if (b == '\n' || b == '\r') {
                        addField(pos, pos, false);
                        return endRecord(b);
                    } else {
                        state = UNQUOTED;
                        fieldBegin = pos;
                    }
                    break;
                case UNQUOTED:
                    if (b == delimiter) {
                        addField(fieldBegin, pos, false);
                        state = FIELD_START;
                    } else if (b == '\n' || b == '\r') {
                        addField(fieldBegin, pos, false);
                        return endRecord(b);
                    }
                    break;
                case QUOTED:
                    if (b == quote) {
                        state = QUOTE_SEEN;
                        quoteClose = pos;
                    } else if (b == '\n' || (b == '\r')) {
                        countLine(b);
                    }
                    break;
                case QUOTE_SEEN:
                    if (b == quote) {
                        state = QUOTED;
                        escaped = true;
                    } else if (b == delimiter) {
                        addField(fieldBegin, quoteClose, escaped);
                        state = FIELD_START;
                    } else if (b == '\n' || b == '\r') {
                        addField(fieldBegin, quoteClose, escaped);
                        return endRecord(b);
                    } else if (isSpace(b)) {
                        state = AFTER_QUOTE;
                    } else {
                        flag(Problem.CHAR_AFTER_QUOTE);
                        state = BAD;
                    }
                    break;
                case AFTER_QUOTE:
                    if (b == delimiter) {
                        addField(fieldBegin, quoteClose, escaped);
                        state = FIELD_START;
                    } else if (b == '\n' || b == '\r') {
                        addField(fieldBegin, quoteClose, escaped);
                        return endRecord(b);
                    } else if (!isSpace(b)) {
                        flag(Problem.CHAR_AFTER_QUOTE);
                        state = BAD;
                    }
                    break;
                default: // BAD: the record is rejected; resynchronise at the next line end
                    if (b == '\n' || b == '\r') {
                        return endRecord(b);
                    }
                    break;
            }
            prev = b;
            pos++;
        }
    }

    /**
     * The common case in one tight pass over locals: a well-formed record that lies wholly in the buffer, its
     * fields unquoted or quoted (doubled quotes and line breaks inside quotes included), each closing quote
     * followed directly by the delimiter or the line end. Returns false, having committed nothing but fields
     * that {@link #frameRecord} overwrites, at anything else (the buffer's end, spaces or a stray byte after a
     * closing quote); the general state machine then frames the record from its start. The two agree by
     * construction on what they both handle, and {@code WordAtATimeFramingTest} checks the whole framer against
     * the byte-by-byte one on damaged input. It is the difference between 225 and ~100 ns/row in
     * {@code FramerBench} (quoted data).
     */
    private boolean frameInBuffer() {
        final byte[] b = buf;
        final int lim = limit;
        final byte d = delimiter;
        final int q = quote;
        int p = pos;
        long lines = 0;
        while (true) {
            int begin;
            int end;
            boolean esc = false;
            if (b[p] == q) {
                begin = p + 1;
                int x = begin;
                while (true) {
                    x = Swar.skipTo3(b, x, lim, quotes);
                    if (x >= lim - 1) {
                        return bail();   // the byte after this quote or line break is not in the buffer yet
                    }
                    byte c = b[x];
                    if (c == q) {
                        if (b[x + 1] != q) {
                            break;
                        }
                        esc = true;
                        x += 2;
                    } else {
                        // a line break inside quotes is data but still a physical line (CR LF counts once)
                        if (c == '\r' || b[x - 1] != '\r') {
                            lines++;
                        }
                        x++;
                    }
                }
                end = x;
                p = x + 1;
            } else {
                begin = p;
                p = Swar.skipTo3(b, p, lim, delimiters);
                if (p >= lim) {
                    return bail();
                }
                end = p;
            }
            addField(begin, end, esc);
            byte c = b[p];
            if (c == d) {
                if (++p >= lim) {
                    return bail();
                }
                continue;
            }
            if (c != '\n' && c != '\r') {
                return bail();   // spaces or another byte after a closing quote
            }
            if (c == '\r' && p + 1 >= lim) {
                return bail();   // a CR LF may straddle the buffer's end
            }
            recEnd = p;
            checkRecordSize();
            line += lines + 1;
            p++;
            if (c == '\r' && b[p] == '\n') {
                c = '\n';
                p++;
            }
            prev = c;
            pos = p;
            recLength = bufOffset + p - recOffset;
            return true;
        }
    }

    private boolean bail() {
        fieldCount = 0;
        escapedFields = 0;
        problem = null;
        return false;
    }

    /** Ends the record at the terminator {@code b} (CR or LF) at {@code pos}; a CR LF pair is consumed whole. */
    private boolean endRecord(byte b) throws IOException {
        recEnd = pos;
        checkRecordSize();
        prev = b;
        pos++;
        line++;
        if (b == '\r') {
            if (pos == limit) {
                fill(skipping ? pos : recStart);
            }
            if (pos < limit && buf[pos] == '\n') {
                prev = '\n';
                pos++;
            }
        }
        recLength = bufOffset + pos - recOffset;
        return true;
    }

    private void checkRecordSize() {
        if (!skipping && recEnd - recStart > maxRecordBytes) {
            flag(Problem.RECORD_TOO_LARGE);
        }
    }

    private void countLine(byte b) {
        if (b == '\r' || prev != '\r') {
            line++;
        }
    }

    private static boolean isSpace(byte b) {
        return b == ' ' || b == '\t';
    }

    private void flag(Problem p) {
        if (problem == null) {
            problem = p;
        }
    }

    private void addField(int start, int end, boolean esc) {
        if (skipping) {
            fieldCount++;
            return;
        }
        if (end - start > maxFieldBytes) {
            flag(Problem.FIELD_TOO_LARGE);
        }
        if (fieldCount == fStart.length) {
            int n = fieldCount * 2;
            fStart = Arrays.copyOf(fStart, n);
            fEnd = Arrays.copyOf(fEnd, n);
            fEscaped = Arrays.copyOf(fEscaped, n);
        }
        // relative to the record start, so compacting the buffer does not move them
        fStart[fieldCount] = start - recStart;
        fEnd[fieldCount] = end - recStart;
        fEscaped[fieldCount] = esc;
        if (esc) {
            escapedFields++;
        }
        fieldCount++;
    }

    private void endField(int state, int begin, int quoteClose, boolean esc) {
        switch (state) {
            case FIELD_START -> addField(pos, pos, false);
            case UNQUOTED -> addField(begin, pos, false);
            case QUOTE_SEEN, AFTER_QUOTE -> addField(begin, quoteClose, esc);
            case QUOTED -> addField(begin, pos, esc);
            default -> {
            }
        }
    }

    /** The record outgrew the limit: keep counting lines and quotes but stop buffering it. */
    private void startSkipping() {
        flag(Problem.RECORD_TOO_LARGE);
        skipping = true;
    }

    /**
     * Makes more bytes available, keeping {@code buf[keep..limit)}; returns false at end of input.
     * Grows the buffer only while the current record is under the record-size cap.
     */
    private boolean fill(int keep) throws IOException {
        if (beforeRefill != null) {
            beforeRefill.run();
        }
        lastShift = 0;
        if (eof) {
            return false;
        }
        int live = limit - keep;
        if (keep > 0) {
            System.arraycopy(buf, keep, buf, 0, live);
            bufOffset += keep;
            pos -= keep;
            limit = live;
            recStart -= keep;
            recEnd -= keep;
            lastShift = keep;
        } else if (limit == buf.length) {
            int grown = (int) Math.min((long) buf.length * 2, (long) maxRecordBytes + 1024);
            if (grown <= buf.length) {
                throw new IllegalStateException("record buffer cannot grow past " + buf.length + " bytes");
            }
            buf = Arrays.copyOf(buf, grown);
        }
        int want = (int) Math.min(buf.length - limit, remaining);
        if (want <= 0) {
            eof = true;
            return false;
        }
        int n = in.read(buf, limit, want);
        if (n <= 0) {
            eof = true;
            return false;
        }
        limit += n;
        remaining -= n;
        return true;
    }

    private void skipBom() throws IOException {
        atFileStart = false;
        while (limit - pos < 3 && fill(pos)) {
            // read until three bytes are available or the input ends
        }
        if (limit - pos >= 3 && (buf[pos] & 0xFF) == 0xEF && (buf[pos + 1] & 0xFF) == 0xBB && (buf[pos + 2] & 0xFF) == 0xBF) {
            pos += 3;
        }
    }

    /**
     * Runs {@code action} before each refill of the buffer, while every earlier record's bytes are
     * still where {@link #buffer()} and {@link #recordStart()} said: for a reader that keeps
     * pointers to the fields of records already returned ({@code CsvFieldProfile#drain}).
     */
    public void beforeRefill(Runnable action) {
        this.beforeRefill = action;
    }

    public byte[] buffer() {
        return buf;
    }

    public int recordStart() {
        return recStart;
    }

    /** End of the record's bytes, excluding its line terminator. */
    public int recordEnd() {
        return recEnd;
    }

    /** File offset of the record's first byte. */
    public long recordOffset() {
        return recOffset;
    }

    /** Bytes the record occupies in the file, including its line terminator. */
    public long recordLength() {
        return recLength;
    }

    /** Physical line (1-based, counting every line of the file) where the record starts. */
    public long recordLine() {
        return recLine;
    }

    public Problem problem() {
        return problem;
    }

    /**
     * The problem in words, or null. A quote problem in a record that spans lines says how many:
     * in a file whose quote characters are text, not field enclosures (common in tab-separated
     * exports), one stray quote swallows the lines up to the next one into a single reject, and the
     * reject count alone would hide how much input that record held.
     */
    public String problemReason() {
        if (problem == null) {
            return null;
        }
        long lines = line - recLine;   // line breaks consumed, the terminator's included
        if (!skipping && recLength > 0) {
            byte last = buffer()[recStart + (int) recLength - 1];
            if (last != '\n' && last != '\r') {
                lines++;                    // the last line has no break
            }
        }
        if ((problem == Problem.CHAR_AFTER_QUOTE || problem == Problem.UNTERMINATED_QUOTE) && lines > 1) {
            return problem.reason + SPAN + lines + " lines from line " + recLine
                    + "; if quotes in this input are not field enclosures, use --quote none";
        }
        return problem.reason;
    }

    private static final String SPAN = ": the record runs across ";

    /**
     * The lines a rejected record spans, read back from its {@link #problemReason()} (the reject's
     * raw text may be cut short, the reason is not); 1 for a reason without a span.
     */
    public static long spannedLines(String reason) {
        int i = reason == null ? -1 : reason.indexOf(SPAN);
        if (i < 0) {
            return 1;
        }
        int from = i + SPAN.length();
        int to = reason.indexOf(' ', from);
        try {
            return Long.parseLong(reason.substring(from, to < 0 ? reason.length() : to));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** True when the record was too large to buffer: its bytes and fields are not available. */
    public boolean truncated() {
        return skipping;
    }

    public int fieldCount() {
        return fieldCount;
    }

    public int fieldStart(int i) {
        return recStart + fStart[i];
    }

    public int fieldEnd(int i) {
        return recStart + fEnd[i];
    }

    /** True when some field of the record holds doubled quotes: then not every field is a plain slice of {@link #buffer()}. */
    boolean anyEscaped() {
        return escapedFields != 0;
    }

    /**
     * Field starts relative to {@link #recordStart()} ({@link #fieldStart} adds it): the framer's own
     * array, for handing a record's fields on without copying them. Valid until the next record.
     */
    int[] relativeStarts() {
        return fStart;
    }

    /** Field ends relative to {@link #recordStart()}, as {@link #relativeStarts()}. */
    int[] relativeEnds() {
        return fEnd;
    }

    /** True when field {@code i} holds doubled quotes that must be collapsed to read its value. */
    public boolean fieldEscaped(int i) {
        return fEscaped[i];
    }

    int quoteCode() {
        return quote;
    }

    /** Bytes of the unit consumed so far, terminators and skipped blank lines included. */
    public long bytesConsumed() {
        return bufOffset + pos - startOffset;
    }

    /** Physical line number of the next unread byte. */
    public long currentLine() {
        return line;
    }
}
