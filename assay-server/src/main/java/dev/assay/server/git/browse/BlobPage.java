package dev.assay.server.git.browse;

import java.util.List;

/** A file at a ref: its lines when it is text of a reasonable size, otherwise why it is not shown. */
public record BlobPage(String ref, String refKind, CommitInfo commit, String path, long size, Rendering rendering,
        List<String> lines) {

    /** How the page shows the file. */
    public enum Rendering { TEXT, BINARY, LARGE }

    public String name() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    public boolean isText() {
        return rendering == Rendering.TEXT;
    }
}
