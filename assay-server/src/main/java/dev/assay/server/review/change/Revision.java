package dev.assay.server.review.change;

import java.time.Instant;

/**
 * Revision {@code number} (1, 2, …) of a change request: the proposed commit, and the merge base of that commit
 * and the target branch when it was made, the left side of its diff. Fetchable as
 * {@code refs/changes/<change>/<number>}.
 */
public record Revision(long changeNumber, int number, String commit, String baseCommit, long uploaderId,
        String uploaderName, Instant createdAt) {

    /** The ref that keeps it: {@code refs/changes/N/R}. */
    public String refName() {
        return refName(changeNumber, number);
    }

    /** The ref of revision {@code revision} of change request {@code change}. */
    public static String refName(long change, int revision) {
        return "refs/changes/" + change + "/" + revision;
    }
}
