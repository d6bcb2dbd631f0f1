package dev.assay.server.git;

import java.time.Instant;
import java.util.List;

/** What the git REST API answers, as records that serialise directly. */
public final class GitViews {

    private GitViews() {
    }

    /** A branch and the commit it points to. */
    public record Branch(String name, String commit, boolean isProtected) {
    }

    /** A tag and the commit it names (peeled, for annotated tags). */
    record Tag(String name, String commit, boolean annotated) {
    }

    /** One commit of a log. */
    record Commit(String id, String summary, String message, String authorName, String authorEmail,
            Instant authoredAt, String committerName, Instant committedAt, List<String> parents) {
    }

    /** A page of a commit log, newest first. */
    record CommitPage(String ref, String resolved, int page, int perPage, boolean hasMore, List<Commit> commits) {
    }
}
