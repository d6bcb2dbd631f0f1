package dev.assay.server.index.contents;

import java.util.Locale;

/** What an entry of a distribution file is, as a reader sees it: text that can be shown, or why not. */
public enum ContentKind {
    /** A regular file in UTF-8 within the size limit: shown with line numbers. */
    TEXT,
    /** A regular file with a NUL byte in its first 8000 bytes (git's rule). */
    BINARY,
    /** A regular file that is not valid UTF-8. */
    UNDECODABLE,
    /** A regular file over {@code assay.contents.max-file-size}. */
    TOO_LARGE,
    DIRECTORY,
    /** Listed with its target, never followed. */
    SYMLINK,
    /** Listed with its target, never followed. */
    HARD_LINK;

    /** Whether the entry is a regular file (of any content). */
    public boolean isFile() {
        return this == TEXT || this == BINARY || this == UNDECODABLE || this == TOO_LARGE;
    }

    /** A short lower-case label for pages and the CSS class, e.g. {@code too-large}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
