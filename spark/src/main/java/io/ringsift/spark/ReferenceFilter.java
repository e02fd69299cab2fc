package io.ringsift.spark;

import io.ringsift.filter.BloomChain;
import io.ringsift.filter.FilterParams;
import io.ringsift.filter.KeyBloom;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.Serial;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * The filter a check tests keys against, broadcast once to every executor (Spark's torrent
 * broadcast: each executor fetches it once, not once per task) as its stages in Guava's serialized
 * form with their targets. Each executor JVM decodes it once into a {@link BloomChain} that its
 * tasks only read ({@code mightContain} does not write, so tasks share it).
 */
final class ReferenceFilter implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    /** The last decoded filter of this JVM: {broadcast id, chain}. One run at a time uses it. */
    private static volatile Object[] decoded;

    private final Broadcast<byte[]> stages;

    private ReferenceFilter(Broadcast<byte[]> stages) {
        this.stages = stages;
    }

    /** Broadcasts {@code chain}'s stages. */
    static ReferenceFilter broadcast(JavaSparkContext sc, BloomChain chain) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(chain.stages().size());
            for (BloomChain.Stage s : chain.stages()) {
                out.writeLong(s.target().expectedKeys());
                out.writeDouble(s.target().fpp());
                s.bloom().writeTo(out);
            }
        }
        return new ReferenceFilter(sc.broadcast(bytes.toByteArray()));
    }

    /** This JVM's decoded copy (read-only). */
    BloomChain chain() {
        Object[] d = decoded;
        if (d != null && (Long) d[0] == stages.id()) {
            return (BloomChain) d[1];
        }
        synchronized (ReferenceFilter.class) {
            d = decoded;
            if (d != null && (Long) d[0] == stages.id()) {
                return (BloomChain) d[1];
            }
            BloomChain chain = decode(stages.value());
            decoded = new Object[] {stages.id(), chain};
            return chain;
        }
    }

    private static BloomChain decode(byte[] b) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(b))) {
            int n = in.readInt();
            List<FilterParams> targets = new ArrayList<>(n);
            List<KeyBloom> blooms = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                targets.add(new FilterParams(in.readLong(), in.readDouble()));
                blooms.add(KeyBloom.readFrom(in));
            }
            return BloomChain.of(targets, blooms);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot decode the broadcast filter: " + e.getMessage(), e);
        }
    }
}
