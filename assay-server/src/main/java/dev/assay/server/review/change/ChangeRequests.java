package dev.assay.server.review.change;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Optional;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.ConflictException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.git.GitRepositories;
import dev.assay.server.index.Project;
import dev.assay.server.review.Discussion;
import dev.assay.server.review.DiscussionKind;
import dev.assay.server.review.DiscussionRepository;

/** Opens change requests: from a branch (web, API, an edit made in the browser) or from a push to refs/for/. */
@Service
public class ChangeRequests {

    static final int MAX_TITLE = 300;
    static final int MAX_DESCRIPTION = 20_000;

    /**
     * What opening a change request takes: a title, a Markdown description, the target branch, and either a source
     * branch of the same repository or (a push to refs/for/) a commit and its Change-Id trailer, if any.
     */
    public record Opening(String title, String description, String targetBranch, Optional<String> sourceBranch,
            Optional<ObjectId> commit, Optional<String> changeKey) {

        /** Opening one from a source branch. */
        public static Opening fromBranch(String title, String description, String sourceBranch, String targetBranch) {
            return new Opening(title, description, targetBranch, Optional.ofNullable(sourceBranch), Optional.empty(),
                    Optional.empty());
        }
    }

    private final ChangeRequestRepository changes;
    private final DiscussionRepository discussions;
    private final Revisions revisions;
    private final ChangeRequestAccess access;
    private final GitRepositories repositories;
    private final Clock clock;

    ChangeRequests(ChangeRequestRepository changes, DiscussionRepository discussions, Revisions revisions,
            ChangeRequestAccess access, GitRepositories repositories, Clock clock) {
        this.changes = changes;
        this.discussions = discussions;
        this.revisions = revisions;
        this.access = access;
        this.repositories = repositories;
        this.clock = clock;
    }

    /** Opens a change request with its first revision; 404, 403, 400 or 409 (an open one from that branch). */
    @Transactional
    public ChangeRequest open(Caller caller, Project project, Opening opening) {
        access.checkMayReview(caller, project);
        String title = title(opening.title());
        String description = description(opening.description());
        String target = branch(opening.targetBranch(), "target");
        Optional<String> source = opening.sourceBranch().map(name -> branch(name, "source"));
        ObjectId commit = source.map(name -> head(project, name, "source"))
                .or(opening::commit)
                .orElseThrow(() -> new InvalidInputException("Missing source: name the branch whose commits to propose"));
        head(project, target, "target");
        if (source.filter(target::equals).isPresent()) {
            throw new InvalidInputException("The source and target branch are both '" + target
                    + "': propose the commits of another branch");
        }
        if (source.isPresent()) {
            changes.openFromBranch(project.id(), source.get()).stream()
                    .filter(open -> open.targetBranch().equals(target)).findFirst().ifPresent(open -> {
                        throw new ConflictException("Change request #" + open.number() + " already proposes branch '"
                                + source.get() + "' for '" + target + "': push to the branch to add a revision");
                    });
        }
        Discussion discussion = discussions.insert(DiscussionKind.CHANGE_REQUEST, project.id(), title,
                caller.user().id(), clock.instant());
        changes.insert(new ChangeRequestRepository.NewChangeRequest(discussion.id(), project.id(), source.orElse(null),
                target, description, opening.changeKey().orElse(null), clock.instant()));
        changes.insertEvent(discussion.id(), caller.user().id(), "opened",
                source.map(name -> name + " → " + target).orElse("→ " + target), clock.instant());
        ChangeRequest opened = changes.find(discussion.id()).orElseThrow();
        revisions.add(opened, project, caller, commit);
        return changes.find(discussion.id()).orElseThrow();
    }

    private ObjectId head(Project project, String branch, String role) {
        try (Repository repository = repositories.open(project.normalizedName())) {
            Ref ref = repository.exactRef(Constants.R_HEADS + branch);
            if (ref == null || ref.getObjectId() == null) {
                throw new InvalidInputException("The repository of project '" + project.name() + "' has no branch '"
                        + branch + "' (the " + role + " branch): push it first");
            }
            return ref.getObjectId();
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read the repository of '" + project.normalizedName() + "'", failure);
        }
    }

    static String title(String title) {
        String stripped = title == null ? "" : title.strip();
        if (stripped.isEmpty() || stripped.length() > MAX_TITLE || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("A change request needs a title of 1 to " + MAX_TITLE
                    + " characters on one line, without control characters");
        }
        return stripped;
    }

    static String description(String description) {
        String text = description == null ? "" : description.strip();
        if (text.indexOf('\0') >= 0) {
            throw new InvalidInputException("The description holds a NUL character: send text");
        }
        if (text.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("The description is longer than " + MAX_DESCRIPTION
                    + " characters: shorten it");
        }
        return text;
    }

    static String branch(String branch, String role) {
        String name = branch == null ? "" : branch.strip();
        if (name.startsWith(Constants.R_HEADS)) {
            name = name.substring(Constants.R_HEADS.length());
        }
        if (name.isEmpty() || name.length() > 255 || !Repository.isValidRefName(Constants.R_HEADS + name)) {
            throw new InvalidInputException("'" + branch + "' is not a valid " + role + " branch name");
        }
        return name;
    }
}
