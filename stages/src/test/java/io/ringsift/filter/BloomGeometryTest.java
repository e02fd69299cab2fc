package io.ringsift.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.hash.BloomFilter;
import io.ringsift.key.KeyHashFunnel;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;
import org.junit.jupiter.api.Test;

class BloomGeometryTest {

    @Test
    void parsesGuavasPrefix() {
        BloomGeometry g = BloomGeometry.parse(new byte[] {1, 7, 0, 0, 0x01, 0x2C});

        assertThat(g).isEqualTo(new BloomGeometry(1, 7, 300));
        assertThat(g.bits()).isEqualTo(19_200);
        assertThat(g.serializedBytes()).isEqualTo(6 + 2_400);
    }

    @Test
    void hashFunctionCountIsUnsigned() {
        assertThat(BloomGeometry.parse(new byte[] {1, (byte) 200, 0, 0, 0, 1}).hashFunctions()).isEqualTo(200);
    }

    @Test
    void knownShapes() {
        assertThat(BloomGeometry.predicted(100_000, 0.01)).isEqualTo(new BloomGeometry(1, 7, 14_977)); // 958505.8 bits requested
        assertThat(BloomGeometry.predicted(100_000, 0.01).bits()).isEqualTo(958_528);
        assertThat(BloomGeometry.predicted(0, 0.03)).isEqualTo(BloomGeometry.predicted(1, 0.03));
    }

    @Test
    void refusesImpossibleParameters() {
        assertThatThrownBy(() -> BloomGeometry.predicted(10, 1.0)).hasMessage(
                "False positive probability (1.0) must be > 0.0 and < 1.0");
        assertThatThrownBy(() -> BloomGeometry.predicted(-1, 0.1)).hasMessage("Expected keys (-1) must be >= 0");
    }

    /** Guava's formulas, restated, agree with the shape Guava actually serializes. */
    @Property(tries = 200)
    void predictedShapeEqualsWhatGuavaBuilds(@ForAll @LongRange(min = 1, max = 300_000) long expectedKeys,
                                             @ForAll @DoubleRange(min = 0.3, max = 7) @Scale(6) double decades) {
        double fpp = Math.pow(10, -decades); // log-uniform over 0.5 .. 1e-7
        BloomFilter<?> f = BloomFilter.create(KeyHashFunnel.INSTANCE, expectedKeys, fpp);

        BloomGeometry actual = BloomGeometry.of(f);

        assertThat(actual).isEqualTo(BloomGeometry.predicted(expectedKeys, fpp));
        assertThat(actual.serializedBytes()).isEqualTo(f.serializedSize());
    }
}
