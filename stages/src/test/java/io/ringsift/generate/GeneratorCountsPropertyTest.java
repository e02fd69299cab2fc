package io.ringsift.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

class GeneratorCountsPropertyTest {

    @Property(tries = 80)
    void csvCountsEqualAHashSetRecount(@ForAll @IntRange(max = 1_500) int rows,
                                       @ForAll @DoubleRange(min = 0, max = 1) @Scale(3) double dupRate,
                                       @ForAll @IntRange(min = 2, max = 10) int columns,
                                       @ForAll long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GeneratorResult result = SyntheticData.write(GeneratorFormat.CSV, new GeneratorSpec(rows, dupRate, columns, seed), out);

        assertThat(Recount.parseCsv(out.toByteArray())).hasSize(rows).allMatch(r -> r.size() == columns);
        Recount recount = Recount.csv(out.toByteArray());
        assertThat(result).isEqualTo(new GeneratorResult(recount.rows(), recount.distinct(), recount.duplicates(),
                out.size()));
    }

    @Property(tries = 30)
    void jsonlCountsEqualAHashSetRecount(@ForAll @IntRange(max = 800) int rows,
                                         @ForAll @DoubleRange(min = 0, max = 1) @Scale(3) double dupRate,
                                         @ForAll @IntRange(min = 2, max = 10) int columns,
                                         @ForAll long seed) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        GeneratorResult result = SyntheticData.write(GeneratorFormat.JSONL, new GeneratorSpec(rows, dupRate, columns, seed), out);

        assertThat(Recount.parseJsonl(out.toByteArray())).hasSize(rows).allMatch(d -> d.size() == columns + 1);
        assertThat(Recount.jsonl(out.toByteArray()).matches(result)).isTrue();
    }
}
