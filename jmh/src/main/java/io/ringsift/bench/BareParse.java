package io.ringsift.bench;

import java.io.BufferedReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Bench program (a): the bare single-threaded loop that only parses, with Apache Commons CSV.
 * {@code java -cp benchmarks.jar io.ringsift.bench.BareParse FILE} prints {@code rows=N}.
 */
public final class BareParse {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long rows = 0;
        long chars = 0;
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), 1 << 16);
             CSVParser p = CSVParser.builder().setReader(r).setFormat(format).get()) {
            for (CSVRecord rec : p) {
                rows++;
                chars += rec.get(0).length(); // touch a value so nothing is optimised away
            }
        }
        System.out.println("rows=" + rows + " keychars=" + chars);
    }
}
