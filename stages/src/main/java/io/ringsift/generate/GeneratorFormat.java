package io.ringsift.generate;

/** What {@link SyntheticData} writes. */
public enum GeneratorFormat {
    /** RFC 4180 CSV with a header line, LF record separators, UTF-8, no BOM. */
    CSV,
    /** One MongoDB Extended JSON v2 (relaxed) document per line, UTF-8, LF after every line. */
    JSONL
}
