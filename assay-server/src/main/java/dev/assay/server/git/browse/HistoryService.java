package dev.assay.server.git.browse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.springframework.stereotype.Service;

import dev.assay.server.error.InvalidInputException;
import dev.assay.server.git.browse.diff.DiffBuilder;
import dev.assay.server.git.browse.diff.DiffView;
import dev.assay.server.index.Project;

/** Reads history for the source pages: the commit log, one commit with its diff, and compare. */
@Service
public class HistoryService {

    static final int PAGE_SIZE = 50;
    static final int MAX_COMPARED_COMMITS = 250;

    private final SourceRepositories repositories;

    HistoryService(SourceRepositories repositories) {
        this.repositories = repositories;
    }

    /** One page (from 1) of the commits reachable from the ref, newest first. */
    public CommitLog log(Project project, String ref, int page) {
        if (page < 1) {
            throw new InvalidInputException("page must be 1 or more, not " + page);
        }
        try (Repository repository = repositories.require(project); RevWalk walk = new RevWalk(repository)) {
            ResolvedRef start = new RefResolver(repository, walk).exact(ref);
            walk.markStart(start.commit());
            long skip = (long) (page - 1) * PAGE_SIZE;
            List<CommitInfo> commits = new ArrayList<>();
            boolean more = false;
            for (RevCommit commit : walk) {
                if (skip > 0) {
                    skip--;
                } else if (commits.size() < PAGE_SIZE) {
                    commits.add(CommitInfo.of(commit));
                } else {
                    more = true;
                    break;
                }
            }
            return new CommitLog(start.name(), SourceService.kind(start), page, commits, more);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** A commit and its diff against its first parent, or against the empty tree for a root commit. */
    public CommitPage commit(Project project, String id) {
        try (Repository repository = repositories.require(project); RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = new RefResolver(repository, walk).exact(id).commit();
            RevCommit parent = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
            DiffView diff = new DiffBuilder(repository, walk.getObjectReader())
                    .diff(parent == null ? null : parent.getTree(), commit.getTree());
            PersonIdent committer = commit.getCommitterIdent();
            return new CommitPage(CommitInfo.of(commit), commit.getFullMessage(), committer.getName(),
                    committer.getEmailAddress(), diff);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /**
     * What {@code to} adds to {@code from}, as {@code git log from..to} and {@code git diff from...to} show it:
     * the diff starts at their merge base, or at {@code from} when they share no history.
     */
    public ComparePage compare(Project project, String from, String to) {
        try (Repository repository = repositories.require(project); RevWalk walk = new RevWalk(repository)) {
            RefResolver resolver = new RefResolver(repository, walk);
            ResolvedRef base = resolver.exact(from);
            ResolvedRef head = resolver.exact(to);
            RevCommit mergeBase = mergeBase(repository, walk, base.commit(), head.commit());
            walk.markStart(walk.parseCommit(head.commit()));
            walk.markUninteresting(walk.parseCommit(base.commit()));
            List<CommitInfo> commits = new ArrayList<>();
            boolean more = false;
            for (RevCommit commit : walk) {
                if (commits.size() == MAX_COMPARED_COMMITS) {
                    more = true;
                    break;
                }
                commits.add(CommitInfo.of(commit));
            }
            RevCommit diffBase = mergeBase != null ? mergeBase : base.commit();
            DiffView diff = new DiffBuilder(repository, walk.getObjectReader())
                    .diff(walk.parseCommit(diffBase).getTree(), walk.parseCommit(head.commit()).getTree());
            return new ComparePage(base.name(), head.name(), diffBase.name(), commits, more, diff);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The diff from one commit's tree to another's (both full ids or names the resolver knows), as the pages show it. */
    public DiffView diff(Project project, String oldCommit, String newCommit) {
        try (Repository repository = repositories.require(project); RevWalk walk = new RevWalk(repository)) {
            RefResolver resolver = new RefResolver(repository, walk);
            return new DiffBuilder(repository, walk.getObjectReader()).diff(resolver.exact(oldCommit).commit().getTree(),
                    resolver.exact(newCommit).commit().getTree());
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Found with a walk of its own: a walk's filter cannot change once it has started. */
    private static RevCommit mergeBase(Repository repository, RevWalk walk, RevCommit a, RevCommit b)
            throws IOException {
        try (RevWalk bases = new RevWalk(repository)) {
            bases.setRevFilter(RevFilter.MERGE_BASE);
            bases.markStart(bases.parseCommit(a));
            bases.markStart(bases.parseCommit(b));
            RevCommit base = bases.next();
            return base == null ? null : walk.parseCommit(base);
        }
    }
}
