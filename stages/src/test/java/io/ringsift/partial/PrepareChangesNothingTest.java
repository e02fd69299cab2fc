package io.ringsift.partial;

import static org.assertj.core.api.Assertions.assertThat;

import io.ringsift.filter.FilterParams;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A handler calls {@link Partial#prepare} for a batch's rows before it adds any of them, to load
 * the exact set's slots together. That must change no answer and no figure: the same keys, with
 * and without the prepare pass, give the same "seen" answers, counts and state, in the exact phase
 * and past the memory budget.
 */
class PrepareChangesNothingTest {
    @ParameterizedTest
    @ValueSource(longs = {16 << 10, 64 << 20})   // a budget the keys overflow, and one they fit in
    void sameAnswersWithAndWithoutThePreparePass(long exactBytes) throws IOException {
        SplittableRandom rnd = new SplittableRandom(7);
        int n = 60_000;
        long[] lo = new long[n];
        long[] hi = new long[n];
        for (int i = 0; i < n; i++) {
            int j = i > 0 && rnd.nextInt(4) == 0 ? rnd.nextInt(i) : i;
            lo[i] = j == i ? rnd.nextLong() : lo[j];
            hi[i] = j == i ? rnd.nextLong() : hi[j];
        }
        FilterParams params = new FilterParams(20_000, 0.01);
        Partial<Object> plain = new Partial<>(params, 1, exactBytes, null, null);
        Partial<Object> prepared = new Partial<>(params, 1, exactBytes, null, null);
        for (int b = 0; b < n; b += 100) {
            for (int i = b; i < b + 100; i++) {
                prepared.prepare(lo[i], hi[i]);
            }
            for (int i = b; i < b + 100; i++) {
                assertThat(prepared.accept(lo[i], hi[i], null, null, 0)).as("row %d", i).isEqualTo(plain.accept(lo[i], hi[i], null, null, 0));
            }
        }
        assertThat(prepared.counts()).isEqualTo(plain.counts());
        assertThat(prepared.counts().method()).isEqualTo(exactBytes < 1 << 20 ? KeyCounts.ESTIMATE : KeyCounts.EXACT);
        assertThat(state(prepared)).isEqualTo(state(plain));
    }

    private static byte[] state(Partial<?> p) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        p.writeTo(new DataOutputStream(bytes));
        return bytes.toByteArray();
    }
}
