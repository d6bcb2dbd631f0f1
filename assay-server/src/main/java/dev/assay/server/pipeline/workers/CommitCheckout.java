package dev.assay.server.pipeline.workers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.springframework.stereotype.Component;

import dev.assay.server.git.GitRepositories;

/**
 * Writes a commit's tree from the project's bare repository into a job's workspace, on the host, as plain
 * files: regular and executable files only (symbolic links and submodules are left out, so nothing written can
 * point outside the workspace), every path checked to stay inside the target, the number of files and their
 * total size bounded like an untrusted archive's.
 */
@Component
class CommitCheckout {

    /**
     * What was written, the entries left out (links and submodules) by path, and the commit's committer time in
     * seconds since the epoch (what a reproducible build takes as {@code SOURCE_DATE_EPOCH}).
     */
    record Checkout(Path directory, int files, long bytes, List<String> leftOut, long commitTime) {
    }

    static final int MAX_FILES = 50_000;
    static final long MAX_BYTES = 512L << 20;

    private final GitRepositories repositories;

    CommitCheckout(GitRepositories repositories) {
        this.repositories = repositories;
    }


    /** Writes the tree of {@code commit} into the absent or empty {@code directory}. */
    Checkout export(String project, String commit, Path directory) throws IOException {
        if (!ObjectId.isId(commit)) {
            throw new IOException("'" + commit + "' is not a full commit id");
        }
        Files.createDirectories(directory);
        Path root = directory.toAbsolutePath().normalize();
        try (Repository repository = repositories.open(project); RevWalk commits = new RevWalk(repository);
                TreeWalk tree = new TreeWalk(repository)) {
            RevCommit found;
            try {
                found = commits.parseCommit(ObjectId.fromString(commit));
            } catch (MissingObjectException | IllegalArgumentException missing) {
                throw new IOException("the commit " + commit + " is not in the repository of '" + project + "'");
            }
            tree.addTree(found.getTree());
            tree.setRecursive(true);
            return write(repository, tree, root, commit, found.getCommitTime());
        }
    }

    private static Checkout write(Repository repository, TreeWalk tree, Path root, String commit, long commitTime)
            throws IOException {
        int files = 0;
        long bytes = 0;
        List<String> leftOut = new ArrayList<>();
        while (tree.next()) {
            FileMode mode = tree.getFileMode(0);
            String path = tree.getPathString();
            boolean executable = mode == FileMode.EXECUTABLE_FILE;
            if (mode != FileMode.REGULAR_FILE && !executable) {
                leftOut.add(path);
                continue;
            }
            if (++files > MAX_FILES) {
                throw new IOException("the tree of " + commit + " holds more than " + MAX_FILES + " files");
            }
            ObjectLoader blob = repository.open(tree.getObjectId(0), Constants.OBJ_BLOB);
            bytes += blob.getSize();
            if (bytes > MAX_BYTES) {
                throw new IOException("the tree of " + commit + " holds more than " + (MAX_BYTES >> 20) + " MiB");
            }
            Path target = inside(root, path);
            Files.createDirectories(target.getParent());
            // CREATE_NEW: a tree that names one path twice fails instead of overwriting
            try (OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                blob.copyTo(out);
            }
            if (executable) {
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        return new Checkout(root, files, bytes, List.copyOf(leftOut), commitTime);
    }

    // Git's own checks refuse such names, but the repository holds whatever was pushed.
    private static Path inside(Path root, String path) throws IOException {
        for (String segment : path.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..") || segment.indexOf('\0') >= 0
                    || segment.equalsIgnoreCase(".git")) {
                throw new IOException("the commit's tree holds an unsafe path: '" + path + "'");
            }
        }
        Path target = root.resolve(path).normalize();
        if (!target.startsWith(root) || target.equals(root)) {
            throw new IOException("the commit's tree holds a path outside its root: '" + path + "'");
        }
        return target;
    }
}
