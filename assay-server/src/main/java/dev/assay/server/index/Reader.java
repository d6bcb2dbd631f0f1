package dev.assay.server.index;

import java.util.Optional;
import java.util.function.BooleanSupplier;

import dev.assay.server.accounts.Caller;

/**
 * Who is reading, as the visibility rule needs it: the user (none for an anonymous request), whether they
 * read everything (an administrator, signed in with a password: a token never carries administrator
 * rights), whether they read held projects (a package reviewer: a member of {@code sponsors} or
 * {@code reviewers}), and the one project a project-bound token limits private and held reading to ("" when
 * unlimited).
 * {@link ProjectService#mayRead} applies the rule to one project and {@link ProjectRepository#READABLE} to
 * the rows of a listing; the two say the same.
 */
public record Reader(long userId, boolean readsAll, boolean readsHeld, String onlyProject) {

    /** Nobody signed in: reads public projects only. */
    public static final Reader ANONYMOUS = new Reader(-1, false, false, "");

    /** The reader a request's caller is. */
    public static Reader of(Optional<Caller> caller) {
        return caller.map(present -> new Reader(present.user().id(), present.isAdmin(),
                present.user().isPackageReviewer(), present.token().flatMap(token -> token.project()).orElse(""))).orElse(ANONYMOUS);
    }

    /** Whether the reader may read the project: the visibility rule, as {@link ProjectRepository#READABLE} says it. */
    boolean mayRead(Project project, BooleanSupplier holdsRole) {
        if (!project.isPrivate() && !project.held() || readsAll) {
            return true;
        }
        return rolesCountOn(project) && (project.held() && readsHeld || holdsRole.getAsBoolean());
    }

    /**
     * Whether the reader may read what is held for review in the project (a held release's files): administrators,
     * and, where their roles count, package reviewers and the project's members.
     */
    boolean mayReadHeld(Project project, BooleanSupplier holdsRole) {
        return readsAll || rolesCountOn(project) && (readsHeld || holdsRole.getAsBoolean());
    }

    /** Whether a role of this reader on the project counts: a token bound to another project never reads it. */
    boolean rolesCountOn(Project project) {
        return onlyProject.isEmpty() || onlyProject.equals(project.normalizedName());
    }
}
