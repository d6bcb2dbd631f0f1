package dev.assay.server.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.dircache.DirCacheBuilder;
import org.eclipse.jgit.dircache.DirCacheEditor;
import org.eclipse.jgit.dircache.DirCacheEntry;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.springframework.stereotype.Service;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.ConflictException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.index.Project;

/**
 * Commits a set of file changes on a parent commit of a project's repository, on the server, without a work
 * tree: the caller is author and committer. It writes objects only; moving a ref is {@link ServerRefUpdates}' job.
 */
@Service
public class ServerCommits {

    static final int MAX_PATH = 4096;
    static final int MAX_SEGMENT = 255;

    /** What happens to a file: added (it must not exist), modified (it must be a file) or deleted. */
    public enum Kind { ADD, MODIFY, DELETE }

    /** One file change: the path in the repository and, unless deleted, the file's new bytes. */
    public record FileChange(Kind kind, String path, byte[] content) {

        public static FileChange add(String path, byte[] content) {
            return new FileChange(Kind.ADD, path, content);
        }

        public static FileChange modify(String path, byte[] content) {
            return new FileChange(Kind.MODIFY, path, content);
        }

        public static FileChange delete(String path) {
            return new FileChange(Kind.DELETE, path, null);
        }
    }

    private final GitRepositories repositories;
    private final Clock clock;

    ServerCommits(GitRepositories repositories, Clock clock) {
        this.repositories = repositories;
        this.clock = clock;
    }

    /**
     * Commits the changes on {@code parent} with this message; returns the new commit's id. A bad path is a 400, a
     * path that is a directory, an added file that exists or a changed file that does not a 409, and changes
     * that leave the tree as it was a 400.
     */
    public ObjectId commit(Project project, Caller caller, ObjectId parent, List<FileChange> changes, String message) {
        if (changes.isEmpty()) {
            throw new InvalidInputException("Nothing changed: a commit needs at least one file change");
        }
        Set<String> seen = new HashSet<>();
        for (FileChange change : changes) {
            String path = checkPath(change.path());
            if (!seen.add(path)) {
                throw new InvalidInputException("'" + path + "' is changed twice in one commit: change it once");
            }
        }
        try (Repository repository = repositories.open(project.normalizedName());
                RevWalk walk = new RevWalk(repository);
                ObjectInserter inserter = repository.newObjectInserter()) {
            RevCommit base = walk.parseCommit(parent);
            DirCache index = index(walk.getObjectReader(), base.getTree());
            DirCacheEditor editor = index.editor();
            for (FileChange change : changes) {
                edit(repository, base.getTree(), editor, inserter, change);
            }
            editor.finish();
            ObjectId tree = index.writeTree(inserter);
            if (tree.equals(base.getTree())) {
                throw new InvalidInputException("Nothing changed: the files are already as given");
            }
            PersonIdent person = new PersonIdent(caller.name(), caller.user().email(), clock.instant(),
                    ZoneOffset.UTC);
            CommitBuilder commit = new CommitBuilder();
            commit.setTreeId(tree);
            commit.setParentId(base);
            commit.setAuthor(person);
            commit.setCommitter(person);
            commit.setMessage(message.endsWith("\n") ? message : message + "\n");
            ObjectId id = inserter.insert(commit);
            inserter.flush();
            return id;
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot commit in the repository of '" + project.normalizedName() + "'",
                    failure);
        }
    }

    /** The path as stored, or a 400 saying what is wrong with it. */
    public static String checkPath(String path) {
        if (path == null || path.isBlank()) {
            throw new InvalidInputException("Missing file path: name the file, e.g. src/calc.py");
        }
        if (path.length() > MAX_PATH) {
            throw new InvalidInputException("A file path is at most " + MAX_PATH + " characters");
        }
        if (path.startsWith("/") || path.contains("\\")) {
            throw new InvalidInputException("'" + path + "' is not a relative path with / between its parts: "
                    + "write it like src/calc.py");
        }
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new InvalidInputException("'" + path + "' has an empty, '.' or '..' part: name the file "
                        + "from the repository's root, like src/calc.py");
            }
            if (segment.toLowerCase(Locale.ROOT).equals(Constants.DOT_GIT)) {
                throw new InvalidInputException("'" + path + "' is inside .git: git keeps no files there");
            }
            if (segment.length() > MAX_SEGMENT || segment.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw new InvalidInputException("'" + path + "' has a part longer than " + MAX_SEGMENT
                        + " characters or a control character");
            }
        }
        return path;
    }

    private static DirCache index(ObjectReader reader, RevTree tree) throws IOException {
        DirCache index = DirCache.newInCore();
        DirCacheBuilder builder = index.builder();
        builder.addTree(new byte[0], DirCacheEntry.STAGE_0, reader, tree);
        builder.finish();
        return index;
    }

    private static void edit(Repository repository, RevTree tree, DirCacheEditor editor, ObjectInserter inserter,
            FileChange change) throws IOException {
        String path = change.path();
        Optional<FileMode> existing = mode(repository, tree, path);
        if (existing.filter(mode -> mode == FileMode.TREE).isPresent()) {
            throw new ConflictException("'" + path + "' is a directory: name a file");
        }
        if (existing.filter(mode -> mode == FileMode.SYMLINK || mode == FileMode.GITLINK).isPresent()) {
            throw new ConflictException("'" + path + "' is a symbolic link or a submodule: change it with git");
        }
        switch (change.kind()) {
            case ADD -> {
                if (existing.isPresent()) {
                    throw new ConflictException("'" + path + "' already exists: edit it instead");
                }
                checkParents(repository, tree, path);
            }
            case MODIFY, DELETE -> {
                if (existing.isEmpty()) {
                    throw new ConflictException("There is no file '" + path + "' to "
                            + (change.kind() == Kind.DELETE ? "delete" : "edit") + ": it may have been removed");
                }
            }
            default -> throw new IllegalStateException("unknown change " + change.kind());
        }
        if (change.kind() == Kind.DELETE) {
            editor.add(new DirCacheEditor.DeletePath(path));
            return;
        }
        ObjectId blob = inserter.insert(Constants.OBJ_BLOB, change.content());
        // an edited file keeps its mode (an executable stays executable); a new one is a plain file
        FileMode mode = existing.filter(kept -> kept == FileMode.EXECUTABLE_FILE).orElse(FileMode.REGULAR_FILE);
        editor.add(new DirCacheEditor.PathEdit(path) {
            @Override
            public void apply(DirCacheEntry entry) {
                entry.setFileMode(mode);
                entry.setObjectId(blob);
                entry.setLength(change.content().length);
            }
        });
    }

    private static void checkParents(Repository repository, RevTree tree, String path) throws IOException {
        int slash = path.indexOf('/');
        while (slash > 0) {
            String parent = path.substring(0, slash);
            if (mode(repository, tree, parent).filter(mode -> mode != FileMode.TREE).isPresent()) {
                throw new ConflictException("'" + parent + "' is a file, so '" + path + "' cannot be created: "
                        + "choose another path");
            }
            slash = path.indexOf('/', slash + 1);
        }
    }

    private static Optional<FileMode> mode(Repository repository, RevTree tree, String path) throws IOException {
        try (TreeWalk found = TreeWalk.forPath(repository, path, tree)) {
            return found == null ? Optional.empty() : Optional.of(found.getFileMode(0));
        }
    }
}
