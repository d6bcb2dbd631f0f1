package dev.assay.server.review;

import java.util.Arrays;
import java.util.Locale;

/** What a discussion is about: a new project's package review, a change request on a repository, or a release diff. */
public enum DiscussionKind {
    PACKAGE_REVIEW("reviews"),
    CHANGE_REQUEST("changes"),
    RELEASE_DIFF("diffs");

    private final String pathSegment;

    DiscussionKind(String pathSegment) {
        this.pathSegment = pathSegment;
    }

    /** The kind's name as stored: {@code package-review}, {@code change-request}, {@code release-diff}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The site path of a discussion of this kind, e.g. {@code /reviews/12}. */
    public String path(long number) {
        return "/" + pathSegment + "/" + number;
    }

    /** The kind with this stored name. */
    public static DiscussionKind ofKey(String key) {
        return Arrays.stream(values()).filter(kind -> kind.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown discussion kind in the database: " + key));
    }
}
