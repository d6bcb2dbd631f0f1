package dev.assay.server.review.change;

/** A change request as lists show it, with its count of unresolved threads. */
public record ChangeSummary(long number, String project, String title, String author, String source, String target,
        String state, String url, long unresolvedThreads) {

    static ChangeSummary of(ChangeRequest change, long unresolved) {
        return new ChangeSummary(change.number(), change.projectName(), change.title(), change.authorName(),
                change.sourceBranch().orElse(null), change.targetBranch(), change.state().key(), change.path(),
                unresolved);
    }
}
