package dev.assay.server.review.change;

import java.time.Instant;
import java.util.Optional;

/**
 * A change request (#{@code number}): commits proposed for {@code targetBranch} of the project's repository, from
 * {@code sourceBranch} or, when that is empty, from pushes to {@code refs/for/<targetBranch>}.
 *
 * @param changeKey the Change-Id trailer of its first revision's commit, if it had one
 * @param closedById who merged or closed it (null while open)
 */
public record ChangeRequest(long number, long projectId, String projectName, String title, long authorId,
        String authorName, Optional<String> sourceBranch, String targetBranch, String description,
        ChangeRequestState state, Optional<String> changeKey, Optional<String> mergedCommit, Long closedById,
        Instant closedAt, Instant createdAt, Instant updatedAt) {

    /** The site path of its page, {@code /changes/N}. */
    public String path() {
        return "/changes/" + number;
    }

    public boolean isOpen() {
        return state == ChangeRequestState.OPEN;
    }
}
