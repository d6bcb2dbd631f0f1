package dev.assay.server.review.change;

import java.time.Instant;
import java.util.List;

/**
 * A change request as the API sends it: {@code source} is null for one opened by a push to refs/for/,
 * revisions oldest first, {@code url} its page's site path.
 */
public record ChangeView(long number, String project, String title, String description, String author,
        String source, String target, String state, String url, Instant createdAt, Instant updatedAt,
        String mergedCommit, List<RevisionView> revisions, long unresolvedThreads) {

    /** One revision: its commit, the merge base its diff starts at, the ref keeping it. */
    public record RevisionView(int number, String commit, String base, String ref, String uploader,
            Instant createdAt) {

        static RevisionView of(Revision revision) {
            return new RevisionView(revision.number(), revision.commit(), revision.baseCommit(), revision.refName(),
                    revision.uploaderName(), revision.createdAt());
        }
    }

    /** The view of a change request with its revisions and unresolved-thread count. */
    public static ChangeView of(ChangeRequest change, List<Revision> revisions, long unresolved) {
        return new ChangeView(change.number(), change.projectName(), change.title(), change.description(),
                change.authorName(), change.sourceBranch().orElse(null), change.targetBranch(), change.state().key(),
                change.path(), change.createdAt(), change.updatedAt(), change.mergedCommit().orElse(null),
                revisions.stream().map(RevisionView::of).toList(), unresolved);
    }
}
