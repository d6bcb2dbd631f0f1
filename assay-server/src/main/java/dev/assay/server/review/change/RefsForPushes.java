package dev.assay.server.review.change;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.springframework.stereotype.Component;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.AssayException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.git.GitRepositories;
import dev.assay.server.git.push.ProposedChanges;
import dev.assay.server.index.Project;

/**
 * Pushes to {@code refs/for/<branch>}, Gerrit's way: a commit whose {@code Change-Id: I…} trailer names an open
 * change request into that branch becomes its next revision (for its author, owners, maintainers and admins);
 * any other opens a new change request titled by the commit's subject, described by the rest of its message
 * without trailers. A commit already in the branch is "no new changes". A push to {@code refs/changes/<N>} adds a
 * revision to change request N when it came from refs/for/.
 */
@Component
public class RefsForPushes implements ProposedChanges {

    private static final Pattern CHANGE_ID = Pattern.compile("I[0-9a-f]{40}");
    private static final Pattern TRAILER = Pattern.compile("[A-Za-z0-9-]+: .*");

    /** What the pushed commit says: its subject, the rest of its message without trailers, its Change-Id. */
    private record Pushed(String title, String description, Optional<String> changeKey) {
    }

    private final ChangeRequests requests;
    private final Revisions revisions;
    private final ChangeRequestRepository changes;
    private final ChangeRequestAccess access;
    private final GitRepositories repositories;

    RefsForPushes(ChangeRequests requests, Revisions revisions, ChangeRequestRepository changes,
            ChangeRequestAccess access, GitRepositories repositories) {
        this.requests = requests;
        this.revisions = revisions;
        this.changes = changes;
        this.access = access;
        this.repositories = repositories;
    }

    @Override
    public Outcome propose(Project project, Caller caller, String targetBranch, ObjectId commit, String siteUrl) {
        try {
            access.checkMayReview(caller, project);
            String target = ChangeRequests.branch(targetBranch, "target");
            Pushed pushed = read(project, target, commit);
            Optional<ChangeRequest> existing = pushed.changeKey()
                    .flatMap(key -> changes.openWithKey(project.id(), target, key));
            if (existing.isPresent()) {
                return addRevision(project, caller, existing.get(), commit, siteUrl);
            }
            ChangeRequest opened = requests.open(caller, project, new ChangeRequests.Opening(pushed.title(),
                    pushed.description(), target, Optional.empty(), Optional.of(commit), pushed.changeKey()));
            return Outcome.accepted("Change request #" + opened.number() + ": " + siteUrl + opened.path());
        } catch (AssayException refused) {
            return Outcome.refused(refused.getMessage());
        }
    }

    @Override
    public Outcome revise(Project project, Caller caller, long number, ObjectId commit, String siteUrl) {
        try {
            access.checkMayReview(caller, project);
            ChangeRequest changeRequest = changes.find(number).filter(found -> found.projectId() == project.id())
                    .filter(ChangeRequest::isOpen).orElseThrow(() -> new InvalidInputException("project '"
                            + project.name() + "' has no open change request #" + number));
            if (changeRequest.sourceBranch().isPresent()) {
                throw new InvalidInputException("change request #" + number + " proposes branch '"
                        + changeRequest.sourceBranch().get() + "': push to that branch to add a revision");
            }
            read(project, changeRequest.targetBranch(), commit);
            return addRevision(project, caller, changeRequest, commit, siteUrl);
        } catch (AssayException refused) {
            return Outcome.refused(refused.getMessage());
        }
    }

    private Outcome addRevision(Project project, Caller caller, ChangeRequest changeRequest, ObjectId commit,
            String siteUrl) {
        access.checkMayChange(caller, project, changeRequest, "Adding revisions");
        return revisions.add(changeRequest, project, caller, commit)
                .map(revision -> Outcome.accepted("Change request #" + changeRequest.number() + ": revision "
                        + revision.number() + ": " + siteUrl + changeRequest.path()))
                .orElseGet(() -> Outcome.refused("no new changes: the commit is already the latest revision of "
                        + "change request #" + changeRequest.number()));
    }

    private Pushed read(Project project, String target, ObjectId commit) {
        try (Repository repository = repositories.open(project.normalizedName());
                RevWalk walk = new RevWalk(repository)) {
            Ref head = repository.exactRef(Constants.R_HEADS + target);
            if (head == null || head.getObjectId() == null) {
                throw new InvalidInputException("branch '" + target + "' does not exist in project '" + project.name()
                        + "': propose changes for an existing branch, e.g. refs/for/main");
            }
            RevCommit pushed = walk.parseCommit(commit);
            if (walk.isMergedInto(pushed, walk.parseCommit(head.getObjectId()))) {
                throw new InvalidInputException("no new changes: the commit is already in branch '" + target + "'");
            }
            return new Pushed(pushed.getShortMessage(), description(pushed.getFullMessage()), changeKey(pushed));
        } catch (IncorrectObjectTypeException notACommit) {
            throw new InvalidInputException("refs/for/ takes a commit: push a branch or HEAD, e.g. HEAD:refs/for/"
                    + target);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read the repository of '" + project.normalizedName() + "'", failure);
        }
    }

    private static Optional<String> changeKey(RevCommit commit) {
        List<String> keys = commit.getFooterLines("Change-Id");
        if (keys.isEmpty()) {
            return Optional.empty();
        }
        String key = keys.get(keys.size() - 1).strip();
        if (!CHANGE_ID.matcher(key).matches()) {
            throw new InvalidInputException("invalid Change-Id '" + key + "' in the commit message: it is 'I' and 40 "
                    + "hexadecimal digits, as Gerrit's commit-msg hook writes it; amend the commit");
        }
        return Optional.of(key);
    }

    /** The message after its first paragraph (the title), without the closing paragraph of trailers. */
    static String description(String message) {
        List<String> paragraphs = new ArrayList<>(Arrays.asList(message.replace("\r\n", "\n").strip()
                .split("\n[ \t]*\n")));
        paragraphs.remove(0);
        if (!paragraphs.isEmpty() && paragraphs.get(paragraphs.size() - 1).lines()
                .allMatch(line -> TRAILER.matcher(line).matches())) {
            paragraphs.remove(paragraphs.size() - 1);
        }
        return String.join("\n\n", paragraphs).strip();
    }
}
