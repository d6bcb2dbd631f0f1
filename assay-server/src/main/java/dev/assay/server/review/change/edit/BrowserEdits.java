package dev.assay.server.review.change.edit;

import java.util.List;
import java.util.Locale;
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
import dev.assay.server.git.browse.SourceLinks;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;
import dev.assay.server.review.change.ChangeRequest;
import dev.assay.server.review.change.ChangeRequestAccess;
import dev.assay.server.review.change.ChangeRequests;

/**
 * Edits made in the browser: editing a text file, adding one or deleting one on a branch is a commit on a new
 * branch (the maintainers' {@code NAME-patch-k}, everyone else's {@code users/NAME/patch-k}) and a change request
 * proposing it for the branch the file was viewed on.
 */
@Service
public class BrowserEdits {

    static final int MAX_SUMMARY = 300;
    static final int MAX_DESCRIPTION = 20_000;

    /** What the form does. */
    public enum Mode {
        EDIT, NEW, DELETE;

        /** The mode's name in addresses. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** What the form shows: the file (or directory, for a new file), the commit it is based on, the text. */
    public record Form(Mode mode, Project project, String branch, String path, String commit, String text,
            boolean maintainer, String newBranch) {

        /** The mode's name in addresses: {@code edit}, {@code new} or {@code delete}. */
        public String modeKey() {
            return mode.key();
        }

        /** Where the form posts: the address it was shown at. */
        public String action() {
            SourceLinks links = new SourceLinks(project.normalizedName());
            return switch (mode) {
                case EDIT -> links.edit(branch, path);
                case NEW -> links.newFile(branch, path);
                case DELETE -> links.delete(branch, path);
            };
        }
    }

    /** What the form sends back. */
    public record Submission(String commit, String path, String text, String summary, String description) {
    }

    private final ProjectService projects;
    private final ChangeRequestAccess access;
    private final BranchFiles files;
    private final ServerCommits commits;
    private final ServerRefUpdates refs;
    private final ChangeRequests changeRequests;

    BrowserEdits(ProjectService projects, ChangeRequestAccess access, BranchFiles files, ServerCommits commits,
            ServerRefUpdates refs, ChangeRequests changeRequests) {
        this.projects = projects;
        this.access = access;
        this.files = files;
        this.commits = commits;
        this.refs = refs;
        this.changeRequests = changeRequests;
    }

    /** Whether the caller may edit files of the project in the browser (the source pages show the buttons then). */
    public boolean mayEdit(Optional<Caller> caller, Project project) {
        return caller.filter(present -> access.mayReview(present, project)).isPresent();
    }

    /** The form for a file (or, for a new file, a directory) at the head of a branch. */
    public Form form(Caller caller, String projectName, List<String> refAndPath, Mode mode) {
        Project project = editable(caller, projectName);
        BranchFiles.Place place = files.place(project, refAndPath);
        String text = switch (mode) {
            case EDIT -> current(project, place.head(), place.path()).forTextarea();
            case DELETE -> {
                files.read(project, place.head(), place.path(), 0);
                yield "";
            }
            case NEW -> {
                checkDirectory(project, place);
                yield EditableText.newFile().forTextarea();
            }
        };
        return new Form(mode, project, place.branch(), place.path(), place.head().name(), text,
                projects.mayManage(Optional.of(caller), project), branchPrefix(caller, project) + "N");
    }

    /** Commits the change on the commit the form was shown for, on a new branch, and opens its change request. */
    @Transactional
    public ChangeRequest save(Caller caller, String projectName, List<String> refAndPath, Mode mode,
            Submission submission) {
        Project project = editable(caller, projectName);
        BranchFiles.Place place = files.place(project, refAndPath);
        ObjectId parent = files.parent(project, place, submission.commit());
        FileChange change = change(project, place, parent, mode, submission);
        String summary = summary(submission.summary(), mode, change.path());
        String description = description(submission.description());
        ObjectId commit = commits.commit(project, caller, parent, List.of(change),
                description.isEmpty() ? summary : summary + "\n\n" + description);
        String branch = newBranch(caller, project, commit);
        return changeRequests.open(caller, project,
                ChangeRequests.Opening.fromBranch(summary, description, branch, place.branch()));
    }

    private FileChange change(Project project, BranchFiles.Place place, ObjectId parent, Mode mode,
            Submission submission) {
        return switch (mode) {
            case EDIT -> FileChange.modify(place.path(),
                    checkSize(current(project, parent, place.path()).written(submission.text())));
            case DELETE -> {
                files.read(project, parent, place.path(), 0);
                yield FileChange.delete(place.path());
            }
            case NEW -> {
                checkDirectory(project, place);
                String name = submission.path() == null ? "" : submission.path().strip();
                String path = place.path().isEmpty() ? name : place.path() + "/" + name;
                yield FileChange.add(ServerCommits.checkPath(path),
                        checkSize(EditableText.newFile().written(submission.text())));
            }
        };
    }

    // Two edits saved at once may pick the same free name: the one that loses takes the next.
    private String newBranch(Caller caller, Project project, ObjectId commit) {
        for (int attempt = 1; ; attempt++) {
            String branch = files.freeBranch(project, branchPrefix(caller, project));
            try {
                refs.update(project, caller, Constants.R_HEADS + branch, ObjectId.zeroId(), commit, true);
                return branch;
            } catch (ConflictException taken) {
                if (attempt == 3) {
                    throw taken;
                }
            }
        }
    }

    private Project editable(Caller caller, String projectName) {
        Project project = projects.readable(Optional.of(caller), projectName);
        access.checkMayReview(caller, project);
        return project;
    }

    private EditableText current(Project project, ObjectId commit, String path) {
        byte[] bytes = files.read(project, commit, path, EditableText.MAX_BYTES)
                .orElseThrow(() -> new InvalidInputException("'" + path + "' is larger than 1 MB: it is not edited "
                        + "in the browser; change it with git"));
        return EditableText.of(bytes).orElseThrow(() -> new InvalidInputException("'" + path + "' is a binary file "
                + "(or not UTF-8 text): it is not edited in the browser; change it with git"));
    }

    private void checkDirectory(Project project, BranchFiles.Place place) {
        if (!files.isDirectory(project, place.head(), place.path())) {
            throw new NotFoundException("There is no directory '" + place.path() + "' on branch '" + place.branch()
                    + "'");
        }
    }

    private String branchPrefix(Caller caller, Project project) {
        String name = refSafe(caller.name());
        return projects.mayManage(Optional.of(caller), project) ? name + "-patch-" : "users/" + name + "/patch-";
    }

    /** A user name as a part of a branch name: git refuses "..", and a part ending in ".lock". */
    static String refSafe(String userName) {
        String name = userName.replaceAll("\\.{2,}", ".");
        return name.endsWith(".lock") ? name.substring(0, name.length() - ".lock".length()) + "-lock" : name;
    }

    private static byte[] checkSize(byte[] content) {
        if (content.length > EditableText.MAX_BYTES) {
            throw new InvalidInputException("A file edited in the browser is at most 1 MB; this one has "
                    + content.length + " bytes: commit it with git");
        }
        return content;
    }

    static String summary(String given, Mode mode, String path) {
        String summary = given == null || given.isBlank()
                ? switch (mode) {
                    case EDIT -> "Update " + path;
                    case NEW -> "Create " + path;
                    case DELETE -> "Delete " + path;
                }
                : given.strip();
        if (summary.length() > MAX_SUMMARY || summary.contains("\n")) {
            throw new InvalidInputException("The commit summary is one line of at most " + MAX_SUMMARY
                    + " characters: put the rest in the description");
        }
        return summary;
    }

    static String description(String given) {
        String description = given == null ? "" : given.strip().replace("\r\n", "\n");
        if (description.length() > MAX_DESCRIPTION) {
            throw new InvalidInputException("The description is longer than " + MAX_DESCRIPTION
                    + " characters: shorten it");
        }
        return description;
    }
}
