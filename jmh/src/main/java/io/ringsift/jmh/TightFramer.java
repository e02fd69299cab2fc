package io.ringsift.jmh;

import java.util.Arrays;

/**
 * A SKETCH priced in {@link CsvParseBench#tightFramer}, not engine code: the same record and field
 * boundaries as {@code RecordFramer} for well-formed RFC 4180 input, found with one tight loop per
 * state (unquoted field: scan to delimiter/EOL; quoted field: scan to the next quote, counting LFs)
 * over locals instead of a per-byte {@code switch} that stores {@code pos} and {@code prev} in
 * fields on every byte.
 *
 * <p>Deliberately incomplete — it shows the loop shape and what it costs, nothing more: the input is
 * one byte[] (no refill), bytes after a closing quote are not validated, a lone CR inside quotes is
 * not counted as a line, and there are no size limits. Those checks are per field or per record,
 * not per byte, so adding them back should not change the per-row figure much.
 * {@code CsvParseBench.setup} checks that it finds the same number of records, fields and lines as
 * {@code RecordFramer} on the benchmark data.
 */
final class TightFramer {
    int[] fStart = new int[16];
    int[] fEnd = new int[16];
    long records;
    long fields;
    long lines;

    /** Frames the whole input; returns a checksum over field offsets so nothing is optimised away. */
    long frame(byte[] b, byte delim, byte quote) {
        int n = b.length;
        int p = 0;
        long line = 1;
        long recs = 0;
        long flds = 0;
        long sum = 0;
        while (p < n) {
            byte c = b[p];
            if (c == '\n' || c == '\r') {
                // blank line (or the LF of a CRLF): skipped, as RecordFramer does
                if (c == '\n' && p > 0 && b[p - 1] == '\r') {
                    p++;
                    continue;
                }
                line++;
                p++;
                continue;
            }
            int f = 0;
            while (true) {
                int s;
                int e;
                if (p < n && b[p] == quote) {
                    s = ++p;
                    while (true) {
                        while (p < n && (c = b[p]) != quote) {
                            if (c == '\n') {
                                line++;
                            }
                            p++;
                        }
                        if (p + 1 < n && b[p + 1] == quote) {
                            p += 2; // doubled quote: data
                            continue;
                        }
                        break;
                    }
                    e = p;
                    if (p < n) {
                        p++; // closing quote
                    }
                } else {
                    s = p;
                    while (p < n && (c = b[p]) != delim && c != '\n' && c != '\r') {
                        p++;
                    }
                    e = p;
                }
                if (f == fStart.length) {
                    fStart = Arrays.copyOf(fStart, f * 2);
                    fEnd = Arrays.copyOf(fEnd, f * 2);
                }
                fStart[f] = s;
                fEnd[f] = e;
                f++;
                if (p >= n) {
                    break;
                }
                c = b[p++];
                if (c == delim) {
                    continue;
                }
                // c is CR or LF: end of record
                if (c == '\r' && p < n && b[p] == '\n') {
                    p++;
                }
                line++;
                break;
            }
            recs++;
            flds += f;
            sum += fStart[0] + fEnd[f - 1];
        }
        records = recs;
        fields = flds;
        lines = line;
        return sum;
    }
}
