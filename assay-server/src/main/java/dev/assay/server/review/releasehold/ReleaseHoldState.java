package dev.assay.server.review.releasehold;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Whether a release is held for review now and why ({@code reasons}, oldest first; {@code since} the oldest hold's
 * time), with every hold it had, newest first: how each ended says how the release left review.
 */
public record ReleaseHoldState(String project, String version, boolean held, List<String> reasons, Instant since,
        List<ReleaseHold> holds) {

    static ReleaseHoldState of(String project, String version, List<ReleaseHold> history) {
        List<ReleaseHold> active = activeOldestFirst(history);
        return new ReleaseHoldState(project, version, !active.isEmpty(),
                active.stream().map(ReleaseHold::reason).toList(),
                active.isEmpty() ? null : active.get(0).heldAt(), history);
    }

    /** The holds of a release's history (newest first) that still hold it, oldest first. */
    static List<ReleaseHold> activeOldestFirst(List<ReleaseHold> history) {
        List<ReleaseHold> active = new ArrayList<>(history.stream().filter(ReleaseHold::active).toList());
        Collections.reverse(active);
        return active;
    }

    /** The reasons as one sentence, for pages. */
    public String reason() {
        return String.join("; ", reasons);
    }
}
