package dev.assay.server.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.merge.MergeStrategy;
import org.eclipse.jgit.merge.ResolveMerger;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.springframework.stereotype.Service;

import dev.assay.server.index.Project;

/**
 * Merges a proposed commit into a branch head on the server, without a work tree: JGit's recursive merge in
 * memory, the result written with an object inserter. It writes commits only; moving the branch is the caller's
 * (through {@link ServerRefUpdates}).
 */
@Service
public class ChangeMerger {

    /** How a proposed commit relates to the branch head it would merge into. */
    public record Mergeability(Optional<ObjectId> head, boolean alreadyMerged, boolean fastForward,
            List<String> conflicts) {

        /** Whether a merge (commit or squash) would go without conflicts. */
        public boolean clean() {
            return head.isPresent() && conflicts.isEmpty();
        }
    }

    /** Who wrote a commit and who commits it, and its message. */
    public record Authorship(PersonIdent author, PersonIdent committer, String message) {
    }

    private final GitRepositories repositories;

    ChangeMerger(GitRepositories repositories) {
        this.repositories = repositories;
    }

    /** The head of the branch (short name), if it exists. */
    public Optional<ObjectId> head(Project project, String branch) {
        try (Repository repository = open(project)) {
            return head(repository, branch);
        } catch (IOException failure) {
            throw unreadable(project, failure);
        }
    }

    /** How {@code commit} would merge into the branch's head now: fast-forward, clean, or the paths in conflict. */
    public Mergeability check(Project project, String branch, ObjectId commit) {
        try (Repository repository = open(project); RevWalk walk = new RevWalk(repository)) {
            Optional<ObjectId> head = head(repository, branch);
            if (head.isEmpty()) {
                return new Mergeability(head, false, false, List.of());
            }
            RevCommit target = walk.parseCommit(head.get());
            RevCommit proposed = walk.parseCommit(commit);
            if (walk.isMergedInto(proposed, target)) {
                return new Mergeability(head, true, false, List.of());
            }
            if (walk.isMergedInto(target, proposed)) {
                return new Mergeability(head, false, true, List.of());
            }
            ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(repository, true);
            boolean clean = merger.merge(target, proposed);
            return new Mergeability(head, false, false, clean ? List.of() : conflicts(merger));
        } catch (IOException failure) {
            throw unreadable(project, failure);
        }
    }

    /**
     * Writes a commit of the merge of {@code commit} into {@code head}: with both as parents ({@code squash}
     * false) or with {@code head} alone; empty when the merge conflicts.
     */
    public Optional<ObjectId> merge(Project project, ObjectId head, ObjectId commit, boolean squash,
            Authorship authorship) {
        try (Repository repository = open(project); ObjectInserter inserter = repository.newObjectInserter()) {
            ResolveMerger merger = (ResolveMerger) MergeStrategy.RECURSIVE.newMerger(repository, true);
            if (!merger.merge(head, commit)) {
                return Optional.empty();
            }
            CommitBuilder builder = new CommitBuilder();
            builder.setTreeId(merger.getResultTreeId());
            builder.setParentIds(squash ? List.of(head) : List.of(head, commit));
            builder.setAuthor(authorship.author());
            builder.setCommitter(authorship.committer());
            builder.setMessage(authorship.message());
            ObjectId written = inserter.insert(builder);
            inserter.flush();
            return Optional.of(written);
        } catch (IOException failure) {
            throw unreadable(project, failure);
        }
    }

    private static List<String> conflicts(ResolveMerger merger) {
        TreeSet<String> paths = new TreeSet<>(merger.getUnmergedPaths());
        if (merger.getFailingPaths() != null) {
            paths.addAll(merger.getFailingPaths().keySet());
        }
        return new ArrayList<>(paths);
    }

    private static Optional<ObjectId> head(Repository repository, String branch) throws IOException {
        Ref ref = repository.exactRef(Constants.R_HEADS + branch);
        return Optional.ofNullable(ref).map(Ref::getObjectId);
    }

    private Repository open(Project project) {
        return repositories.open(project.normalizedName());
    }

    private static UncheckedIOException unreadable(Project project, IOException failure) {
        return new UncheckedIOException("cannot merge in the repository of '" + project.normalizedName() + "'",
                failure);
    }
}
