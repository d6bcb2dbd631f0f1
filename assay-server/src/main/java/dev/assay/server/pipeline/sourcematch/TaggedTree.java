package dev.assay.server.pipeline.sourcematch;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.springframework.stereotype.Component;

import dev.assay.server.crypto.Sha256;
import dev.assay.server.git.GitRepositories;

/**
 * The regular files of a commit's tree in a project's repository, each with the SHA-256 of its bytes, read with JGit
 * and never written out. A commit never changes, so the most recently used trees are kept; the file count is bounded
 * like a checkout's.
 */
@Component
class TaggedTree {

    static final int MAX_FILES = 50_000;
    private static final int CACHED_TREES = 32;

    private final GitRepositories repositories;
    private final Map<String, Map<String, String>> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Map<String, String>> eldest) {
            return size() > CACHED_TREES;
        }
    };

    TaggedTree(GitRepositories repositories) {
        this.repositories = repositories;
    }

    /** Path → hex SHA-256 of every regular file of {@code commit}; empty when the tree cannot be read. */
    Optional<Map<String, String>> hashes(String normalizedProject, String commit) {
        String key = normalizedProject + " " + commit;
        synchronized (cache) {
            Map<String, String> known = cache.get(key);
            if (known != null) {
                return Optional.of(known);
            }
        }
        Optional<Map<String, String>> read = read(normalizedProject, commit);
        read.ifPresent(tree -> {
            synchronized (cache) {
                cache.put(key, tree);
            }
        });
        return read;
    }

    /** The text of one regular file of {@code commit}, if it is there, UTF-8 and at most {@code limit} bytes. */
    Optional<String> text(String normalizedProject, String commit, String path, int limit) {
        try (Repository repository = repositories.open(normalizedProject); RevWalk commits = new RevWalk(repository);
                TreeWalk file = TreeWalk.forPath(repository, path,
                        commits.parseCommit(ObjectId.fromString(commit)).getTree())) {
            if (file == null || file.getFileMode(0).getObjectType() != Constants.OBJ_BLOB) {
                return Optional.empty();
            }
            ObjectLoader blob = repository.open(file.getObjectId(0), Constants.OBJ_BLOB);
            if (blob.getSize() > limit) {
                return Optional.empty();
            }
            return Optional.of(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(blob.getBytes())).toString());
        } catch (IOException | UncheckedIOException | IllegalArgumentException unreadable) {
            // CharacterCodingException (not UTF-8) is an IOException: such a file is no text to compare
            return Optional.empty();
        }
    }

    private Optional<Map<String, String>> read(String normalizedProject, String commit) {
        try (Repository repository = repositories.open(normalizedProject); RevWalk commits = new RevWalk(repository);
                TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(commits.parseCommit(ObjectId.fromString(commit)).getTree());
            tree.setRecursive(true);
            Map<String, String> hashes = new HashMap<>();
            while (tree.next()) {
                FileMode mode = tree.getFileMode(0);
                if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
                    continue;
                }
                if (hashes.size() >= MAX_FILES) {
                    return Optional.empty();
                }
                try (InputStream in = repository.open(tree.getObjectId(0), Constants.OBJ_BLOB).openStream()) {
                    hashes.put(tree.getPathString(), Sha256.hex(in));
                }
            }
            return Optional.of(Map.copyOf(hashes));
        } catch (IOException | UncheckedIOException | IllegalArgumentException unreadable) {
            // the tag named it a moment ago: an unreadable tree is reported as no source, not as a failure
            return Optional.empty();
        }
    }
}
