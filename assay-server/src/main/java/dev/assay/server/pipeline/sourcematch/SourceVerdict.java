package dev.assay.server.pipeline.sourcematch;

import com.fasterxml.jackson.annotation.JsonValue;

/** How an uploaded file (or a whole release) stands against the tagged commit it claims to be built from. */
public enum SourceVerdict {
    /** Byte-identical to the file rebuilt from the tagged commit. */
    REPRODUCED("reproduced"),
    /** Every file it holds is the tagged tree's (or one the build backend writes); only archive metadata may differ. */
    MATCHES_THE_SOURCE("matches the source"),
    /** It holds files the tagged tree does not, or other contents: the differences are listed. */
    DIFFERS("differs"),
    /** No tag names the release's version: there is nothing to compare with. */
    NO_SOURCE("no source");

    private final String label;

    SourceVerdict(String label) {
        this.label = label;
    }

    /** The words the page and the API show, e.g. {@code matches the source}. */
    @JsonValue
    public String label() {
        return label;
    }

    /** The outcome colour the badge borrows: passed, failed, or skipped when there is nothing to compare. */
    public String status() {
        return switch (this) {
            case REPRODUCED, MATCHES_THE_SOURCE -> "passed";
            case DIFFERS -> "failed";
            case NO_SOURCE -> "skipped";
        };
    }
}
