package dev.assay.server.pipeline.sourcecommit;

import java.util.Optional;

import org.eclipse.jgit.lib.Repository;

/**
 * Where a release's sources are: the commit named for it, or else the commit its version's tag names.
 *
 * @param commit       the commit id
 * @param tag          the tag naming the version ({@code refs/tags/v1.0}); empty for a named commit
 * @param namedBy      {@code upload}, {@code maintainer} or {@code tag}
 * @param user         who named the commit; empty for a tag
 * @param inRepository whether the project's repository holds the commit (a named one may not be pushed yet)
 */
public record ReleaseSource(String commit, Optional<String> tag, String namedBy, Optional<String> user,
        boolean inRepository) {

    /** {@link #namedBy()} of a commit found by the version's tag. */
    public static final String TAG = "tag";

    /** How the page, the API and a job's log name it: {@code tag v1.0}, {@code commit abc1234 named by the upload}. */
    public String describe() {
        if (tag.isPresent()) {
            return "tag " + Repository.shortenRefName(tag.get());
        }
        String by = namedBy.equals(NamedCommit.UPLOAD) ? "the upload"
                : "maintainer " + user.orElse("(unknown)");
        return "commit " + commit.substring(0, 7) + " named by " + by
                + (inRepository ? "" : ", which the project's repository does not hold");
    }

    /** The ref a release's job names for its source: the tag, or the words of a named commit. */
    public String ref() {
        return tag.orElseGet(this::describe);
    }
}
