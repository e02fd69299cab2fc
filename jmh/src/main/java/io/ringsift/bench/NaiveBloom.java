package io.ringsift.bench;

import com.google.common.hash.BloomFilter;
import com.google.common.hash.Funnels;
import java.io.BufferedReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Bench program (b): the naive program a user would write — one thread, Commons CSV, and a Guava
 * Bloom filter of the key column ({@code put} runs murmur3_128 over the key's UTF-8 bytes, then sets
 * the filter's bits). Every other figure of {@code bench/run.sh} is a ratio to this one.
 *
 * <p>{@code java -cp benchmarks.jar io.ringsift.bench.NaiveBloom FILE EXPECTED_KEYS [FPP]} prints
 * {@code rows=N duplicates=D}.
 */
public final class NaiveBloom {
    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        long expected = Long.parseLong(args[1]);
        double fpp = args.length > 2 ? Double.parseDouble(args[2]) : 0.01;
        BloomFilter<CharSequence> bloom = BloomFilter.create(Funnels.stringFunnel(StandardCharsets.UTF_8), expected, fpp);
        long rows = 0;
        long duplicates = 0;
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader r = new BufferedReader(Files.newBufferedReader(file, StandardCharsets.UTF_8), 1 << 16);
             CSVParser p = CSVParser.builder().setReader(r).setFormat(format).get()) {
            for (CSVRecord rec : p) {
                rows++;
                if (!bloom.put(rec.get(CsvGen.KEY_COLUMN))) {
                    duplicates++;
                }
            }
        }
        System.out.println("rows=" + rows + " duplicates=" + duplicates);
    }
}
