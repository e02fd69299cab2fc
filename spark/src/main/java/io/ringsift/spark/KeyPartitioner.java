package io.ringsift.spark;

import java.io.Serial;
import org.apache.spark.Partitioner;

/** Sends a record to the reduce partition its key names: map tasks already computed {@code KeyHash.partition(hi, P)}. */
final class KeyPartitioner extends Partitioner {
    @Serial
    private static final long serialVersionUID = 1L;

    private final int partitions;

    KeyPartitioner(int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("Partitions (" + partitions + ") must be >= 1");
        }
        this.partitions = partitions;
    }

    @Override
    public int numPartitions() {
        return partitions;
    }

    @Override
    public int getPartition(Object key) {
        return (Integer) key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyPartitioner k && k.partitions == partitions;
    }

    @Override
    public int hashCode() {
        return partitions;
    }
}
