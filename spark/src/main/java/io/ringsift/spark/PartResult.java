package io.ringsift.spark;

import io.ringsift.filter.FilterParams;
import io.ringsift.partial.CsvFieldProfile;
import io.ringsift.partial.Partial;
import io.ringsift.partial.StatsLevel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.Externalizable;
import java.io.IOException;
import java.io.ObjectInput;
import java.io.ObjectOutput;
import java.io.Serial;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * What reduce partitions hand to {@code treeReduce}: a {@link Partial} (Bloom chain, duplicate
 * figures), the merged field profile and the per-chunk counts. It travels as the Bloom stages plus
 * a few figures ({@link Partial#writeMergeableTo}): never the exact key sets, whose keys no other
 * partition shares, so what reaches the driver is about one filter's size whatever the input.
 */
final class PartResult implements Externalizable {
    @Serial
    private static final long serialVersionUID = 1L;

    private long expectedKeys;
    private double fpp;
    private int share;
    private StatsLevel stats;
    private List<String> fields;
    Partial partial;
    CsvFieldProfile profile;
    /** chunk id -> {records, rejected, bytes}. */
    final TreeMap<Integer, long[]> chunks = new TreeMap<>();

    /** For deserialization only. */
    public PartResult() {
    }

    PartResult(TaskSettings s, Partial partial) {
        this.expectedKeys = s.expectedKeys();
        this.fpp = s.fpp();
        this.share = s.partitions();
        this.stats = s.stats();
        this.fields = s.fields();
        this.partial = partial;
        this.profile = stats == StatsLevel.NONE ? null : newProfile();
    }

    private CsvFieldProfile newProfile() {
        // a profile that only merges and reports: no row reaches it, so it needs no column mapping
        return new CsvFieldProfile(fields, new int[0][], stats);
    }

    /** Adds one chunk's figures and statistics. */
    void add(ChunkResult c) throws IOException {
        chunks.put(c.chunk(), new long[] {c.records(), c.rejected(), c.bytes()});
        if (profile != null && c.profile() != null) {
            CsvFieldProfile p = newProfile();
            try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(c.profile()))) {
                p.readFrom(in);
            }
            profile.mergeFrom(p);
        }
    }

    /** The treeReduce step: folds {@code o} into this one and returns this. */
    PartResult merge(PartResult o) {
        partial.mergeFrom(o.partial);
        if (profile != null && o.profile != null) {
            profile.mergeFrom(o.profile);
        }
        o.chunks.forEach(chunks::put);
        return this;
    }

    @Override
    public void writeExternal(ObjectOutput out) throws IOException {
        out.writeLong(expectedKeys);
        out.writeDouble(fpp);
        out.writeInt(share);
        out.writeUTF(stats.name());
        out.writeInt(fields.size());
        for (String f : fields) {
            out.writeUTF(f);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(bytes)) {
            partial.writeMergeableTo(d);
            if (profile != null) {
                profile.writeTo(d);
            }
        }
        out.writeInt(bytes.size());
        bytes.writeTo(new ObjectOutputAdapter(out));
        out.writeInt(chunks.size());
        for (var e : chunks.entrySet()) {
            out.writeInt(e.getKey());
            for (long v : e.getValue()) {
                out.writeLong(v);
            }
        }
    }

    @Override
    public void readExternal(ObjectInput in) throws IOException {
        expectedKeys = in.readLong();
        fpp = in.readDouble();
        share = in.readInt();
        stats = StatsLevel.valueOf(in.readUTF());
        int n = in.readInt();
        fields = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            fields.add(in.readUTF());
        }
        byte[] b = new byte[in.readInt()];
        in.readFully(b);
        partial = new Partial(new FilterParams(expectedKeys, fpp), share, 0, null, null);
        profile = stats == StatsLevel.NONE ? null : newProfile();
        try (DataInputStream d = new DataInputStream(new ByteArrayInputStream(b))) {
            partial.readMergeableFrom(d);
            if (profile != null) {
                profile.readFrom(d);
            }
        }
        int c = in.readInt();
        for (int i = 0; i < c; i++) {
            chunks.put(in.readInt(), new long[] {in.readLong(), in.readLong(), in.readLong()});
        }
    }

    /** Lets a ByteArrayOutputStream write straight into an ObjectOutput. */
    private static final class ObjectOutputAdapter extends java.io.OutputStream {
        private final ObjectOutput out;

        ObjectOutputAdapter(ObjectOutput out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }
    }
}
