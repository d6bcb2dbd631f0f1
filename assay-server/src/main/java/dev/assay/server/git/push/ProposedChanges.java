package dev.assay.server.git.push;

import java.util.List;
import java.util.Optional;

import org.eclipse.jgit.lib.ObjectId;

import dev.assay.server.accounts.Caller;
import dev.assay.server.index.Project;

/**
 * What a push to {@code refs/for/<branch>} does, Gerrit's way: it opens a change request for the branch or adds a
 * revision to one, and no ref named {@code refs/for/…} is ever stored (nor {@code refs/changes/<N>}, Gerrit's older
 * way to add a revision to change request N). The review side implements it; the push
 * calls it once the pack is stored and checked and the caller may push the ref.
 */
public interface ProposedChanges {

    /** The outcome of one proposal: the lines git prints as {@code remote: …}, or why the command is refused. */
    record Outcome(List<String> messages, Optional<String> refusal) {

        public Outcome {
            messages = List.copyOf(messages);
        }

        /** A proposal taken: the command succeeds and git prints the lines. */
        public static Outcome accepted(String... lines) {
            return new Outcome(List.of(lines), Optional.empty());
        }

        /** A proposal refused: git prints {@code ! [remote rejected] … (reason)}. */
        public static Outcome refused(String reason) {
            return new Outcome(List.of(), Optional.of(reason));
        }
    }

    /**
     * Proposes {@code commit} (already in the repository) for {@code targetBranch} (a short name) of the project,
     * by the caller, who may push {@code refs/for/<targetBranch>}; {@code siteUrl} is the server's address for
     * links, without a trailing slash. Never throws for anything the pusher could fix: that is a refusal.
     */
    Outcome propose(Project project, Caller caller, String targetBranch, ObjectId commit, String siteUrl);

    /**
     * As {@link #propose}, for a push to {@code refs/changes/<number>}: {@code commit} as the next revision of change
     * request {@code number} of the project, refused unless it is open and was proposed through {@code refs/for/}.
     */
    Outcome revise(Project project, Caller caller, long number, ObjectId commit, String siteUrl);
}
