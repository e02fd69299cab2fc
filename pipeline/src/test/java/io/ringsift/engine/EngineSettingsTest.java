package io.ringsift.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EngineSettingsTest {
    @ParameterizedTest
    @CsvSource({"1, 1, 1", "2, 1, 1", "3, 1, 2", "4, 1, 3", "8, 2, 6", "32, 10, 22"})
    void aThirdOfTheCoresReadTheRestHash(int cores, int readers, int handlers) {
        EngineSettings d = EngineSettings.defaults(cores);
        assertThat(d.readers()).isEqualTo(readers);
        assertThat(d.handlers()).isEqualTo(handlers);
    }

    @Test
    void aSmallInputGetsOneHandlerAndAShortRingAndNoIdleReaders() {
        EngineSettings fitted = EngineSettings.defaults(32).fitTo(3, EngineSettings.SMALL_INPUT - 1);
        assertThat(fitted.readers()).isEqualTo(3);
        assertThat(fitted.handlers()).isEqualTo(1);
        assertThat(fitted.ringSize()).isEqualTo(EngineSettings.SMALL_RING);
        assertThat(EngineSettings.defaults(4).fitTo(1, EngineSettings.SMALL_INPUT).handlers()).isEqualTo(3);
    }
}
