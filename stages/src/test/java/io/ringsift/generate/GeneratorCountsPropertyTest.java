package io.ringsift.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GeneratorCountsPropertyTest {

    /** A spec from a seed; the first seeds are the edges: no rows, one row, no duplicates, all duplicates. */
    static GeneratorSpec spec(long seed, int maxRows) {
        Random r = new Random(seed);
        int rows = seed == 0 ? 0 : seed == 1 ? 1 : seed == 2 ? maxRows : r.nextInt(maxRows + 1);
        double dupRate = seed == 3 ? 0 : seed == 4 ? 1 : r.nextInt(1001) / 1000.0;   // three decimals, as --dup-rate
        int columns = 2 + r.nextInt(9);
        return new GeneratorSpec(rows, dupRate, columns, r.nextLong());
    }

    static LongStream eightySeeds() {
        return LongStream.range(0, 80);
    }

    static LongStream thirtySeeds() {
        return LongStream.range(0, 30);
    }

    @ParameterizedTest
    @MethodSource("eightySeeds")
    void csvCountsEqualAHashSetRecount(long seed) throws IOException {
        GeneratorSpec spec = spec(seed, 1_500);
        int rows = (int) spec.rows();
        int columns = spec.columns();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GeneratorResult result = SyntheticData.write(GeneratorFormat.CSV, spec, out);

        assertThat(Recount.parseCsv(out.toByteArray())).hasSize(rows).allMatch(r -> r.size() == columns);
        Recount recount = Recount.csv(out.toByteArray());
        assertThat(result).isEqualTo(new GeneratorResult(recount.rows(), recount.distinct(), recount.duplicates(),
                out.size()));
    }

    @ParameterizedTest
    @MethodSource("thirtySeeds")
    void jsonlCountsEqualAHashSetRecount(long seed) throws IOException {
        GeneratorSpec spec = spec(seed, 800);
        int rows = (int) spec.rows();
        int columns = spec.columns();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GeneratorResult result = SyntheticData.write(GeneratorFormat.JSONL, spec, out);

        assertThat(Recount.parseJsonl(out.toByteArray())).hasSize(rows).allMatch(d -> d.size() == columns + 1);
        assertThat(Recount.jsonl(out.toByteArray()).matches(result)).isTrue();
    }
}
