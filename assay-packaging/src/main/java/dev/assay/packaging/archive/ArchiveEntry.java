package dev.assay.packaging.archive;

/**
 * An entry that passed every check.
 *
 * @param path       the normalised relative path: {@code /}-separated, no {@code .} or empty segments, no
 *                   trailing slash
 * @param kind       file, directory or link
 * @param size       the uncompressed size the archive declares, or -1 when it declares none
 * @param linkTarget for a link, its target resolved to a path inside the archive; otherwise empty
 */
public record ArchiveEntry(String path, EntryKind kind, long size, String linkTarget) {

    /** Whether this entry is a regular file. */
    public boolean isFile() {
        return kind == EntryKind.FILE;
    }
}
