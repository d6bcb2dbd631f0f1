package dev.assay.server.index.contents;

/**
 * One entry of a distribution file.
 *
 * @param path        the logical path ({@code sdist/...} or {@code wheel/<tag>/...}), the same from release to release
 * @param archivePath the normalised path inside the archive
 * @param kind        text, binary, too large, directory, link...
 * @param size        the bytes actually read for a regular file; 0 for anything else
 * @param sha256      the hex SHA-256 of a regular file's bytes; empty for anything else
 * @param linkTarget  for a link, the logical path it points to (never followed); otherwise empty
 */
public record ContentEntry(String path, String archivePath, ContentKind kind, long size, String sha256,
        String linkTarget) {

    /** The last segment of the path. */
    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** Whether two entries hold the same thing: same kind and bytes (or the same link target). */
    public boolean sameAs(ContentEntry other) {
        return kind == other.kind && size == other.size && sha256.equals(other.sha256)
                && linkTarget.equals(other.linkTarget);
    }
}
