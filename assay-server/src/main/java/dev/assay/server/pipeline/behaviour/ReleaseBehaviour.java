package dev.assay.server.pipeline.behaviour;

import java.util.List;
import java.util.Map;

/**
 * A release's behaviour profile and its diff against the previous release's, as the pages and the API show them.
 *
 * @param previous   the version compared with (the highest lower version not yanked), null for a first release
 * @param profiled   whether a traced job of this release has reported; an empty profile means nothing was seen
 * @param compared   whether there is a diff: the previous release exists and was profiled
 * @param added      the new items, each with what the policy does about it
 * @param gone       items of the previous release this one no longer shows
 * @param policy     the action per kind that applies to the project
 * @param held       whether a new behaviour holds the release for review now (until the review is approved)
 * @param holdReason why a new behaviour held it, null when none did (kept once the hold is released)
 */
public record ReleaseBehaviour(String project, String version, String previous, boolean profiled, boolean compared,
        List<BehaviourItem> profile, List<Decision> added, List<BehaviourItem> gone, Map<String, String> policy,
        boolean held, String holdReason) {

    /** A new item and the action its kind's policy takes: hold, warn or ignore. */
    public record Decision(BehaviourItem item, String action, String sentence) {
    }
}
