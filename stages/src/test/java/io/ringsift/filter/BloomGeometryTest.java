package io.ringsift.filter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.hash.BloomFilter;
import io.ringsift.key.KeyHashFunnel;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

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

    static LongStream seeds() {
        return LongStream.range(0, 200);
    }

    /** Guava's formulas, restated, agree with the shape Guava actually serializes (200 random shapes, the edges first). */
    @ParameterizedTest
    @MethodSource("seeds")
    void predictedShapeEqualsWhatGuavaBuilds(long seed) {
        Random r = new Random(seed);
        long expectedKeys = seed == 0 ? 1 : seed == 1 ? 300_000 : 1 + r.nextInt(300_000);
        double decades = seed == 2 ? 0.3 : seed == 3 ? 7 : 0.3 + r.nextInt(6_700_001) / 1e6;
        double fpp = Math.pow(10, -decades); // log-uniform over 0.5 .. 1e-7
        BloomFilter<?> f = BloomFilter.create(KeyHashFunnel.INSTANCE, expectedKeys, fpp);

        BloomGeometry actual = BloomGeometry.of(f);

        assertThat(actual).isEqualTo(BloomGeometry.predicted(expectedKeys, fpp));
        assertThat(actual.serializedBytes()).isEqualTo(f.serializedSize());
    }
}
