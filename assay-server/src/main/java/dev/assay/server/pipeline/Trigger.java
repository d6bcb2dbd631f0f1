package dev.assay.server.pipeline;

import java.util.Locale;

/** What started a pipeline. */
public enum Trigger {
    UPLOAD,
    MANUAL,
    PUSH;

    /** The name as stored and shown. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
