package io.ringsift.jmh;

import com.google.common.hash.HashCode;
import com.google.common.hash.HashFunction;
import com.google.common.hash.Hashing;
import io.ringsift.key.KeyEncoder;
import io.ringsift.key.KeyHash;
import io.ringsift.key.Murmur3;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Key canonical encoding + murmur3_128, per key, as a function of the key's length.
 *
 * <pre>
 *   guavaHashString     Hashing.murmur3_128().hashString(key, UTF_8): what a user writes; allocates
 *                       the UTF-8 bytes and a HashCode per key (no canonical tag/length either)
 *   keyEncoderString    ringsift: KeyEncoder.addString (ASCII fast path) + hash — the reader's path today
 *   keyEncoderBytes     KeyEncoder.addBytes from raw UTF-8 bytes + hash (a byte-level reader's path)
 *   guavaHashBytes      Guava murmur3_128 over the already-built canonical bytes (what KeyEncoder.hash runs)
 *   murmurNoAlloc       the same hash, allocation-free (no HashCode, no 16-byte copy): what KeyEncoder.hash could cost
 * </pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@State(Scope.Thread)
public class KeyHashBench {
    private static final HashFunction MURMUR = Hashing.murmur3_128();

    @Param({"11", "32", "100"})
    public int keyLength;

    String key;
    byte[] keyBytes;
    byte[] canonical;
    final KeyEncoder encoder = new KeyEncoder();
    final KeyHash out = new KeyHash();
    final Murmur3 murmur = new Murmur3();

    @Setup
    public void setup() {
        SplittableRandom r = new SplittableRandom(7);
        StringBuilder sb = new StringBuilder("K");
        while (sb.length() < keyLength) {
            sb.append((char) ('0' + r.nextInt(10)));
        }
        key = sb.toString();
        keyBytes = key.getBytes(StandardCharsets.UTF_8);
        canonical = encoder.reset().addString(key).toBytes();
        HashCode g = MURMUR.hashBytes(canonical);
        murmur.hash(canonical, 0, canonical.length);
        encoder.reset().addString(key).hash(out);
        if (g.asLong() != murmur.h1 || out.lo != murmur.h1 || out.hi != murmur.h2) {
            throw new IllegalStateException("Murmur3 does not match Guava murmur3_128");
        }
    }

    @Benchmark
    public long guavaHashString() {
        return MURMUR.hashString(key, StandardCharsets.UTF_8).asLong();
    }

    @Benchmark
    public void keyEncoderString(Blackhole bh) {
        encoder.reset().addString(key).hash(out);
        bh.consume(out.lo);
        bh.consume(out.hi);
    }

    @Benchmark
    public void keyEncoderBytes(Blackhole bh) {
        encoder.reset().addBytes(KeyEncoder.TAG_STRING, keyBytes, 0, keyBytes.length).hash(out);
        bh.consume(out.lo);
        bh.consume(out.hi);
    }

    @Benchmark
    public void guavaHashBytes(Blackhole bh) {
        HashCode h = MURMUR.hashBytes(canonical, 0, canonical.length);
        bh.consume(h.asLong());
    }

    @Benchmark
    public void murmurNoAlloc(Blackhole bh) {
        murmur.hash(canonical, 0, canonical.length);
        bh.consume(murmur.h1);
        bh.consume(murmur.h2);
    }
}
