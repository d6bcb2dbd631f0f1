package dev.assay.server.review.change.edit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;

import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.springframework.stereotype.Component;

import dev.assay.server.error.ConflictException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.git.GitRepositories;
import dev.assay.server.index.Project;

/** Reads what a browser edit works on: the branch and path an address names, a file's bytes at a commit. */
@Component
class BranchFiles {

    /** A branch of the repository, its head, and a path (a file, or a directory for a new file; empty: the root). */
    record Place(String branch, ObjectId head, String path) {
    }

    private final GitRepositories repositories;

    BranchFiles(GitRepositories repositories) {
        this.repositories = repositories;
    }

    /**
     * The longest prefix of the segments naming a branch (branch names hold slashes), and the rest as a path;
     * 404 when none does: only a branch can be edited, never a tag or a commit.
     */
    Place place(Project project, List<String> segments) {
        try (Repository repository = open(project)) {
            for (int end = segments.size(); end >= 1; end--) {
                String name = String.join("/", segments.subList(0, end));
                if (!Repository.isValidRefName(Constants.R_HEADS + name)) {
                    continue;
                }
                Ref ref = repository.exactRef(Constants.R_HEADS + name);
                if (ref != null && ref.getObjectId() != null) {
                    return new Place(name, ref.getObjectId(), String.join("/", segments.subList(end, segments.size())));
                }
            }
            throw new NotFoundException("The address names no branch of project '" + project.name()
                    + "': files are edited on a branch, e.g. edit/main/README.md");
        } catch (IOException failure) {
            throw unreadable(project, failure);
        }
    }

    /** The commit the form was shown for, which the branch must still contain; 400 or 409 otherwise. */
    ObjectId parent(Project project, Place place, String commit) {
        if (commit == null || !ObjectId.isId(commit.strip())) {
            throw new InvalidInputException("Missing or malformed commit: the form names the commit it was shown for;"
                    + " reload the page");
        }
        ObjectId parent = ObjectId.fromString(commit.strip());
        try (Repository repository = open(project); RevWalk walk = new RevWalk(repository)) {
            RevCommit head = walk.parseCommit(place.head());
            if (!walk.isMergedInto(walk.parseCommit(parent), head)) {
                throw new ConflictException("Branch '" + place.branch() + "' no longer contains commit "
                        + parent.abbreviate(10).name() + ": reload the page and edit again");
            }
            return parent;
        } catch (MissingObjectException | IncorrectObjectTypeException unknown) {
            throw new InvalidInputException("There is no commit " + commit.strip() + " in this repository");
        } catch (IOException failure) {
            throw unreadable(project, failure);
        }
    }

    /** The file's bytes at the commit, or empty when it is larger than {@code limit}; 404 when it is no file. */
    Optional<byte[]> read(Project project, ObjectId commit, String path, int limit) {
        try (Repository repository = open(project); RevWalk walk = new RevWalk(repository)) {
            RevCommit at = walk.parseCommit(commit);
            try (TreeWalk found = path.isEmpty() ? null : TreeWalk.forPath(repository, path, at.getTree())) {
                if (found == null || found.getFileMode(0) != FileMode.REGULAR_FILE
                        && found.getFileMode(0) != FileMode.EXECUTABLE_FILE) {
                    throw new NotFoundException("There is no file '" + path + "' on this branch");
                }
                ObjectLoader loader = repository.open(found.getObjectId(0), Constants.OBJ_BLOB);
                return loader.getSize() > limit ? Optional.empty() : Optional.of(loader.getCachedBytes(limit));
            }
        } catch (IOException failure) {
            throw unreadable(project, failure);
        }
    }

    /** Whether the path is a directory (the empty path, the root, is one) at the commit. */
    boolean isDirectory(Project project, ObjectId commit, String path) {
        if (path.isEmpty()) {
            return true;
        }
        try (Repository repository = open(project); RevWalk walk = new RevWalk(repository);
                TreeWalk found = TreeWalk.forPath(repository, path, walk.parseCommit(commit).getTree())) {
            return found != null && found.isSubtree();
        } catch (IOException failure) {
            throw unreadable(project, failure);
        }
    }

    /** The first branch name {@code prefix + k} (k = 1, 2, …) that does not exist yet. */
    String freeBranch(Project project, String prefix) {
        try (Repository repository = open(project)) {
            for (int k = 1; ; k++) {
                String name = prefix + k;
                if (repository.exactRef(Constants.R_HEADS + name) == null
                        && repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS + name + "/").isEmpty()) {
                    return name;
                }
            }
        } catch (IOException failure) {
            throw unreadable(project, failure);
        }
    }

    private Repository open(Project project) {
        if (!Files.isDirectory(repositories.directory(project.normalizedName()))) {
            throw new NotFoundException("Project '" + project.name() + "' has no git repository yet");
        }
        return repositories.open(project.normalizedName());
    }

    private static UncheckedIOException unreadable(Project project, IOException failure) {
        return new UncheckedIOException("cannot read the repository of '" + project.normalizedName() + "'", failure);
    }
}
