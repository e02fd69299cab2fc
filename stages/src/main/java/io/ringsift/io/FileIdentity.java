package io.ringsift.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;

/**
 * A file as it was when the run was planned: its file key (device and inode on Unix), size and
 * modification time. A path alone is not enough: a file replaced by {@code mv} or rewritten in
 * place under the same name would be read as if it were the planned one, with wrong counts and
 * {@code "complete": true} (InputReplacedDuringSplitRunTest).
 *
 * @param fileKey  {@link BasicFileAttributes#fileKey()}, or null where the file system has none
 */
public record FileIdentity(Object fileKey, long size, FileTime modified) {

    public static FileIdentity of(Path p) throws IOException {
        BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
        return new FileIdentity(a.fileKey(), a.size(), a.lastModifiedTime());
    }

    /** What differs from {@code now}, for the error message, or null when it is the same file unchanged. */
    public String difference(FileIdentity now) {
        if (!Objects.equals(fileKey, now.fileKey)) {
            return "it was replaced by another file (file key " + fileKey + " is now " + now.fileKey + ")";
        }
        if (size != now.size) {
            return "its size changed from " + size + " to " + now.size + " bytes";
        }
        if (!modified.equals(now.modified)) {
            return "it was modified (modification time " + modified + " is now " + now.modified + ")";
        }
        return null;
    }

    /** For a resume fingerprint: the same file unchanged gives the same text. */
    public String describe() {
        return "key=" + fileKey + " size=" + size + " mtime=" + modified.toMillis();
    }
}
