package io.ringsift.spark;

import io.ringsift.filter.FilterParams;
import io.ringsift.partial.FieldProfile;
import io.ringsift.partial.Partial;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.Serial;
import java.util.TreeMap;

/**
 * What reduce partitions hand to {@code treeReduce}: a {@link Partial} (Bloom chain, duplicate
 * figures), the merged field profile and the per-unit counts. It travels as the Bloom stages plus
 * a few figures ({@link Partial#writeMergeableTo}): never the exact key sets, whose keys no other
 * partition shares, so what reaches the driver is about one filter's size whatever the input.
 */
final class PartResult implements Externalizable {
    @Serial
    private static final long serialVersionUID = 2L;

    private long expectedKeys;
    private double fpp;
    private int share;
    private ProfileKind kind;
    Partial partial;
    /** The merged field profile, or null without statistics. */
    FieldProfile profile;
    /** unit id -> {records, rejected, bytes, retries}. */
    final TreeMap<Integer, long[]> units = new TreeMap<>();

    /** For deserialization only. */
    public PartResult() {
    }

    PartResult(TaskSettings s, Partial partial) {
        this.expectedKeys = s.expectedKeys();
        this.fpp = s.fpp();
        this.share = s.partitions();
        this.kind = s.profiles();
        this.partial = partial;
        this.profile = kind == null ? null : kind.empty();
    }

    /** Adds one unit's figures and statistics. */
    void add(UnitFigures u) throws IOException {
        units.put(u.unit(), new long[] {u.records(), u.rejected(), u.bytes(), u.retries()});
        if (profile != null && u.profile() != null) {
            FieldProfile p = kind.empty();
            ProfileKind.readInto(p, u.profile());
            profile.mergeFrom(p);
        }
    }

    /** The treeReduce step: folds {@code o} into this one and returns this. */
    PartResult merge(PartResult o) {
        partial.mergeFrom(o.partial);
        if (profile != null && o.profile != null) {
            profile.mergeFrom(o.profile);
        }
        o.units.forEach(units::put);
        return this;
    }

    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        out.writeLong(expectedKeys);
        out.writeDouble(fpp);
        out.writeInt(share);
        out.writeObject(kind);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(bytes)) {
            partial.writeMergeableTo(d);
        }
        writeBytes(out, bytes.toByteArray());
        writeBytes(out, profile == null ? new byte[0] : ProfileKind.toBytes(profile));
        out.writeInt(units.size());
        for (var e : units.entrySet()) {
            out.writeInt(e.getKey());
            for (long v : e.getValue()) {
                out.writeLong(v);
            }
        }
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException, ClassNotFoundException {
        expectedKeys = in.readLong();
        fpp = in.readDouble();
        share = in.readInt();
        kind = (ProfileKind) in.readObject();
        partial = new Partial(new FilterParams(expectedKeys, fpp), share, 0, null, null);
        try (DataInputStream d = new DataInputStream(new ByteArrayInputStream(readBytes(in)))) {
            partial.readMergeableFrom(d);
        }
        byte[] p = readBytes(in);
        profile = kind == null ? null : kind.empty();
        if (profile != null) {
            ProfileKind.readInto(profile, p);
        }
        int c = in.readInt();
        for (int i = 0; i < c; i++) {
            units.put(in.readInt(), new long[] {in.readLong(), in.readLong(), in.readLong(), in.readLong()});
        }
    }

    private static void writeBytes(ObjectOutput out, byte[] b) throws IOException {
        out.writeInt(b.length);
        out.write(b);
    }

    private static byte[] readBytes(ObjectInput in) throws IOException {
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        return b;
    }
}
