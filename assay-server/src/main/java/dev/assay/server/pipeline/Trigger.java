package dev.assay.server.pipeline;

import java.util.Locale;

/** What started a pipeline. */
public enum Trigger {
    UPLOAD,
    MANUAL,
    PUSH,
    /** A dependent release's re-test with a new release of one of its dependencies staged. */
    DOWNSTREAM;

    /** The name as stored and shown. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
