package dev.assay.server.git.mirror;

/** How the last push to a mirror ended. */
public enum MirrorResult {
    OK, FAILED;

    /** The value stored and shown: {@code ok} or {@code failed}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    static MirrorResult of(String key) {
        return key == null ? null : valueOf(key.toUpperCase(java.util.Locale.ROOT));
    }
}
