package io.ringsift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Regression (issue 14): the progress line had no percentage or ETA though file sizes are known,
 * and showed {@code 0.0 MB} for Mongo.
 */
class ProgressLineHadNoPercentageOrEtaTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void filesShowPercentOfBytesAndAnEta() {
        // a quarter of 400 MB in 10 s: 30 s to go
        assertThat(ProgressLine.line(1_000_000, 100_000_000, 400_000_000, -1, 10 * SECOND))
                .isEqualTo(" 25% of 400.0 MB  1,000,000 rows  100.0 MB  100,000 rows/s  ETA 0:30");
    }

    @Test
    void aCollectionShowsPercentOfItsEstimatedCountAndNoMegabytes() {
        assertThat(ProgressLine.line(50_000, 0, -1, 200_000, 5 * SECOND))
                .isEqualTo(" 25% of ~200,000 (estimated count)  50,000 rows  10,000 rows/s  ETA 0:15");
    }

    @Test
    void aStreamOfUnknownSizeShowsCountsOnly() {
        assertThat(ProgressLine.line(3_000, 1_500_000, -1, -1, SECOND)).isEqualTo("3,000 rows  1.5 MB  3,000 rows/s");
    }

    @Test
    void anEstimateThatWasTooLowStopsAtAHundredWithoutAnEta() {
        assertThat(ProgressLine.line(300, 0, -1, 200, SECOND)).isEqualTo("100% of ~200 (estimated count)  300 rows  300 rows/s");
    }
}
