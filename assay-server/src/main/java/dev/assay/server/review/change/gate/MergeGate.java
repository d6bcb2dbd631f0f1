package dev.assay.server.review.change.gate;

import java.util.List;

/**
 * What a change request into a branch needs before it merges and how it may merge; {@code methods} in the
 * order fast-forward, merge, squash, never empty; {@code keepVotes}: votes survive a new revision.
 */
public record MergeGate(String branch, int requiredApprovals, boolean requireResolved, boolean requireGreen,
        List<MergeMethod> methods, boolean keepVotes) {

    static final int MAX_APPROVALS = 20;

    /** The gate of a branch nobody configured (the table's defaults). */
    static MergeGate defaults(String branch) {
        return new MergeGate(branch, 1, true, true, List.of(MergeMethod.values()), false);
    }

    /** The method used when none is asked for: the first allowed of merge, squash, fast-forward. */
    public MergeMethod defaultMethod() {
        return List.of(MergeMethod.MERGE, MergeMethod.SQUASH, MergeMethod.FAST_FORWARD).stream()
                .filter(methods::contains).findFirst().orElseThrow();
    }
}
