package dev.assay.server.review.change.edit;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.ConflictException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.git.ServerCommits;
import dev.assay.server.git.ServerCommits.FileChange;
import dev.assay.server.git.ServerRefUpdates;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.review.change.ChangeRequest;
import dev.assay.server.review.change.ChangeRequestAccess;
import dev.assay.server.review.change.ChangeRequestRepository;
import dev.assay.server.review.change.Revision;
import dev.assay.server.review.change.Revisions;
import dev.assay.server.review.thread.comment.Suggestion;
import dev.assay.server.review.thread.ThreadService;
import dev.assay.server.review.thread.ThreadView;

/**
 * Applies a thread's suggested change: the thread's line in the latest revision replaced by the suggested lines,
 * committed on that revision as the next one (the source branch moved to it, if the request has one), the thread
 * answered and resolved.
 */
@Service
public class SuggestionApplier {

    private final ChangeRequestRepository changes;
    private final ChangeRequestAccess access;
    private final ProjectService projects;
    private final ThreadService threads;
    private final BranchFiles files;
    private final ServerCommits commits;
    private final ServerRefUpdates refs;
    private final Revisions revisions;
    private final Clock clock;

    SuggestionApplier(ChangeRequestRepository changes, ChangeRequestAccess access, ProjectService projects,
            ThreadService threads, BranchFiles files, ServerCommits commits, ServerRefUpdates refs,
            Revisions revisions, Clock clock) {
        this.changes = changes;
        this.access = access;
        this.projects = projects;
        this.threads = threads;
        this.files = files;
        this.commits = commits;
        this.refs = refs;
        this.revisions = revisions;
        this.clock = clock;
    }

    /** Applies the latest suggestion of the thread; 404, 403, 400 or 409 saying why not. */
    @Transactional
    public AppliedSuggestion apply(Caller caller, long number, long threadId) {
        ChangeRequest changeRequest = changes.find(number)
                .orElseThrow(() -> new NotFoundException("There is no change request #" + number));
        Project project = projects.find(changeRequest.projectId())
                .orElseThrow(() -> new NotFoundException("There is no change request #" + number));
        access.checkMayChange(caller, project, changeRequest, "Applying a suggestion");
        if (!changeRequest.isOpen()) {
            throw new ConflictException("Change request #" + number + " is " + changeRequest.state().key()
                    + ": suggestions are applied while it is open");
        }
        ThreadView thread = threads.thread(Optional.of(caller), number, threadId, Optional.empty());
        Suggested suggested = suggestion(thread);
        Revision latest = changes.latestRevision(number)
                .orElseThrow(() -> new ConflictException("Change request #" + number + " has no revision yet"));
        if (thread.resolved()) {
            throw new ConflictException("Thread " + threadId + " is resolved: reopen it to apply its suggestion");
        }
        if (thread.line() == null || thread.anchor().iteration() > latest.number()) {
            throw new ConflictException("The line changed since the suggestion; apply it by hand");
        }
        ObjectId parent = ObjectId.fromString(latest.commit());
        String path = thread.anchor().path();
        byte[] content = replaced(files.read(project, parent, path, EditableText.MAX_BYTES)
                .orElseThrow(() -> new ConflictException("'" + path + "' is larger than 1 MB: apply it by hand")),
                thread.line(), suggested.suggestion());
        ObjectId commit = commits.commit(project, caller, parent, List.of(FileChange.modify(path, content)),
                "Apply suggestion from @" + suggested.author() + "\n\n" + changeRequest.path() + "#thread-" + threadId);
        changeRequest.sourceBranch().ifPresent(branch -> refs.update(project, caller, Constants.R_HEADS + branch,
                parent, commit, true));
        Revision added = revisions.add(changeRequest, project, caller, commit).orElseThrow();
        changes.insertEvent(number, caller.user().id(), "suggestion", "revision " + added.number()
                + ": applied the suggestion of thread " + threadId + " by " + suggested.author(), clock.instant());
        threads.reply(caller, number, threadId, "Applied in revision " + added.number(), false);
        threads.setResolved(caller, number, threadId, true);
        return new AppliedSuggestion(number, added.number(), commit.name());
    }

    private record Suggested(Suggestion suggestion, String author) {
    }

    private static Suggested suggestion(ThreadView thread) {
        if (thread.anchor() == null || !"new".equals(thread.anchor().side())) {
            throw new InvalidInputException("Thread " + thread.id() + " is not on a line of a revision's file: "
                    + "only those threads suggest changes");
        }
        List<ThreadView.CommentView> comments = thread.comments();
        for (int i = comments.size() - 1; i >= 0; i--) {
            ThreadView.CommentView comment = comments.get(i);
            Optional<Suggestion> found = comment.draft() ? Optional.empty() : Suggestion.in(comment.body());
            if (found.isPresent()) {
                return new Suggested(found.get(), comment.author());
            }
        }
        throw new InvalidInputException("Thread " + thread.id() + " suggests no change: a comment suggests one "
                + "with a ```suggestion block");
    }

    /** The file with line {@code line} (1-based) replaced by the suggested lines, in the file's own conventions. */
    static byte[] replaced(byte[] bytes, int line, Suggestion suggestion) {
        EditableText file = EditableText.of(bytes).orElseThrow(() -> new ConflictException(
                "The file is binary or not UTF-8 text: apply the suggestion by hand"));
        String text = file.text().replace("\r\n", "\n");
        boolean finalNewline = text.endsWith("\n");
        List<String> lines = new ArrayList<>(Arrays.asList(
                (finalNewline ? text.substring(0, text.length() - 1) : text).split("\n", -1)));
        if (line < 1 || line > lines.size()) {
            throw new ConflictException("The line changed since the suggestion; apply it by hand");
        }
        lines.remove(line - 1);
        lines.addAll(line - 1, suggestion.lines());
        String joined = String.join("\n", lines) + (finalNewline && !lines.isEmpty() ? "\n" : "");
        return file.written(joined);
    }
}
