package io.ringsift.source.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** CsvDialect's written-out toString is the text the record's generated one gave: checkpoint fingerprints contain it. */
class CsvDialectTextTest {
    /** The same components in a plain record, whose toString is the generated one. */
    private record Generated(char delimiter, Character quote, boolean header, int maxRecordBytes, int maxFieldBytes) {
    }

    @Test
    void sameTextAsTheGeneratedToString() {
        for (CsvDialect d : new CsvDialect[] {CsvDialect.rfc4180(), CsvDialect.rfc4180().withDelimiter('\t').withLimits(10, 5),
            new CsvDialect(';', null, false, 7, 3)}) {
            String generated = new Generated(d.delimiter(), d.quote(), d.header(), d.maxRecordBytes(), d.maxFieldBytes()).toString();
            assertThat(d.toString()).isEqualTo(generated.replaceFirst("^Generated", "CsvDialect"));
        }
    }
}
