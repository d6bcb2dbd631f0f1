package dev.assay.server.index;

import java.util.Optional;

import dev.assay.server.accounts.Caller;

/**
 * Who is reading, as the visibility rule needs it: the user (none for an anonymous request), whether they
 * read everything (an administrator, signed in with a password: a token never carries administrator
 * rights), and the one project a project-bound token limits private reading to ("" when unlimited).
 * {@link ProjectService#mayRead} applies the rule to one project and {@link ProjectRepository#READABLE} to
 * the rows of a listing; the two say the same.
 */
public record Reader(long userId, boolean readsAll, String onlyProject) {

    /** Nobody signed in: reads public projects only. */
    public static final Reader ANONYMOUS = new Reader(-1, false, "");

    /** The reader a request's caller is. */
    public static Reader of(Optional<Caller> caller) {
        return caller.map(present -> new Reader(present.user().id(), present.isAdmin(),
                present.token().flatMap(token -> token.project()).orElse(""))).orElse(ANONYMOUS);
    }

    /** Whether a role of this reader on the project counts: a token bound to another project never reads it. */
    boolean rolesCountOn(Project project) {
        return onlyProject.isEmpty() || onlyProject.equals(project.normalizedName());
    }
}
