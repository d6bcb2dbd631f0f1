package dev.assay.server.git.browse;

import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevWalk;

import dev.assay.server.error.NotFoundException;

/**
 * Turns the ref part of a URL into a commit. Only branch names, tag names and (abbreviated) commit ids are
 * accepted, never revision expressions such as {@code main~3} or {@code :/text}, so a URL cannot make the
 * server search history.
 */
final class RefResolver {

    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-f]{4,40}");

    private final Repository repository;
    private final RevWalk walk;

    RefResolver(Repository repository, RevWalk walk) {
        this.repository = repository;
        this.walk = walk;
    }

    /** A ref and the path after it, when the URL's segments are {@code <ref…>/<path…>}. */
    record RefAndPath(ResolvedRef ref, String path) {
    }

    /** The ref named exactly so, or 404. */
    ResolvedRef exact(String name) throws IOException {
        return find(name).orElseThrow(() -> new NotFoundException(
                "there is no branch, tag or commit '" + name + "' in this repository"));
    }

    /**
     * The longest prefix of the segments that names a ref, and the rest as a path; branch names may hold
     * slashes, so {@code feature/x/src/a.py} finds branch {@code feature/x} before a branch {@code feature}.
     */
    RefAndPath withPath(List<String> segments) throws IOException {
        for (int end = segments.size(); end >= 1; end--) {
            Optional<ResolvedRef> ref = find(String.join("/", segments.subList(0, end)));
            if (ref.isPresent()) {
                return new RefAndPath(ref.get(), String.join("/", segments.subList(end, segments.size())));
            }
        }
        if (segments.isEmpty()) {
            throw new NotFoundException("the address names no branch, tag or commit: add one, e.g. tree/main/");
        }
        throw new NotFoundException("there is no branch, tag or commit '" + segments.get(0) + "' in this repository");
    }

    Optional<ResolvedRef> find(String name) throws IOException {
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Optional<ResolvedRef> named = named(Constants.R_HEADS, name, ResolvedRef.Kind.BRANCH);
        if (named.isEmpty()) {
            named = named(Constants.R_TAGS, name, ResolvedRef.Kind.TAG);
        }
        return named.isPresent() ? named : commitId(name);
    }

    private Optional<ResolvedRef> named(String prefix, String name, ResolvedRef.Kind kind) throws IOException {
        // checked first so that a name like ../../config can never become a file path under the git directory
        if (!Repository.isValidRefName(prefix + name)) {
            return Optional.empty();
        }
        Ref ref = repository.exactRef(prefix + name);
        return ref == null || ref.getObjectId() == null ? Optional.empty() : commit(name, kind, ref.getObjectId());
    }

    private Optional<ResolvedRef> commitId(String name) throws IOException {
        if (!COMMIT_ID.matcher(name).matches()) {
            return Optional.empty();
        }
        Collection<ObjectId> matches = walk.getObjectReader().resolve(AbbreviatedObjectId.fromString(name));
        return matches.size() == 1 ? commit(name, ResolvedRef.Kind.COMMIT, matches.iterator().next()) : Optional.empty();
    }

    private Optional<ResolvedRef> commit(String name, ResolvedRef.Kind kind, ObjectId id) throws IOException {
        try {
            return Optional.of(new ResolvedRef(name, kind, walk.parseCommit(id)));
        } catch (IncorrectObjectTypeException | MissingObjectException notACommit) {
            return Optional.empty();
        }
    }
}
