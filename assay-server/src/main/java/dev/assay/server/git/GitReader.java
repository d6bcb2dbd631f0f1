package dev.assay.server.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.errors.AmbiguousObjectException;
import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.springframework.stereotype.Service;

import dev.assay.server.error.ContentTooLargeException;
import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.git.GitViews.Branch;
import dev.assay.server.git.GitViews.Commit;
import dev.assay.server.git.GitViews.CommitPage;
import dev.assay.server.git.GitViews.Tag;
import dev.assay.server.git.protection.BranchProtection;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;

/** Reads a project's repository for the REST API: branches, tags, the log of a ref, a file at a ref. */
@Service
public class GitReader {

    /** Commits per page of a log. */
    static final int PER_PAGE = 30;
    /** The largest file the API returns; larger ones get a 413 (clone the repository instead). */
    static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    /** A file's bytes at a ref, and whether they look binary. */
    record RawFile(String path, byte[] content, boolean binary) {
    }

    private final ProjectService projects;
    private final GitRepositories repositories;
    private final BranchProtection protection;

    GitReader(ProjectService projects, GitRepositories repositories, BranchProtection protection) {
        this.projects = projects;
        this.repositories = repositories;
        this.protection = protection;
    }

    public List<Branch> branches(String projectName) {
        Project project = projects.project(projectName);
        try (Repository repository = repositories.open(project.normalizedName())) {
            return refs(repository, Constants.R_HEADS).stream().map(ref -> {
                String name = Repository.shortenRefName(ref.getName());
                return new Branch(name, ref.getObjectId().name(), protection.isProtected(project.id(), name));
            }).toList();
        }
    }

    List<Tag> tags(String projectName) {
        Project project = projects.project(projectName);
        try (Repository repository = repositories.open(project.normalizedName())) {
            List<Tag> tags = new ArrayList<>();
            for (Ref ref : refs(repository, Constants.R_TAGS)) {
                Ref peeled = repository.getRefDatabase().peel(ref);
                ObjectId target = peeled.getPeeledObjectId() != null ? peeled.getPeeledObjectId() : ref.getObjectId();
                tags.add(new Tag(Repository.shortenRefName(ref.getName()), target.name(),
                        peeled.getPeeledObjectId() != null));
            }
            return tags;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    CommitPage commits(String projectName, String ref, int page) {
        if (page < 1) {
            throw new InvalidInputException("page must be 1 or more, not " + page);
        }
        Project project = projects.project(projectName);
        boolean head = ref == null || ref.isBlank();
        try (Repository repository = repositories.open(project.normalizedName()); RevWalk walk = new RevWalk(repository)) {
            ObjectId start = head ? repository.resolve(Constants.HEAD) : commitOf(repository, project, ref);
            if (start == null) {
                return new CommitPage(Constants.HEAD, null, page, PER_PAGE, false, List.of());
            }
            walk.markStart(walk.parseCommit(start));
            List<Commit> commits = new ArrayList<>();
            int skip = (page - 1) * PER_PAGE;
            boolean more = false;
            for (RevCommit commit : walk) {
                if (skip-- > 0) {
                    continue;
                }
                if (commits.size() == PER_PAGE) {
                    more = true;
                    break;
                }
                commits.add(commit(commit));
            }
            return new CommitPage(head ? Constants.HEAD : ref, start.name(), page, PER_PAGE, more, commits);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    RawFile file(String projectName, String path, String ref) {
        Project project = projects.project(projectName);
        String cleanPath = cleanPath(path);
        String at = ref == null || ref.isBlank() ? Constants.HEAD : ref;
        try (Repository repository = repositories.open(project.normalizedName()); RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(commitOf(repository, project, at));
            try (TreeWalk tree = TreeWalk.forPath(repository, cleanPath, commit.getTree())) {
                if (tree == null) {
                    throw new NotFoundException("there is no file '" + cleanPath + "' at '" + at + "' in project '"
                            + project.name() + "'");
                }
                if (tree.getFileMode(0).getObjectType() != Constants.OBJ_BLOB || tree.getFileMode(0) == FileMode.GITLINK) {
                    throw new InvalidInputException("'" + cleanPath + "' is a directory at '" + at
                            + "', not a file: name a file in it");
                }
                ObjectLoader loader = repository.open(tree.getObjectId(0), Constants.OBJ_BLOB);
                if (loader.getSize() > MAX_FILE_BYTES) {
                    throw new ContentTooLargeException("'" + cleanPath + "' is " + loader.getSize()
                            + " bytes; the API returns files up to " + MAX_FILE_BYTES + " bytes: clone the repository");
                }
                byte[] content = loader.getBytes();
                return new RawFile(cleanPath, content, RawText.isBinary(content));
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static ObjectId commitOf(Repository repository, Project project, String ref) throws IOException {
        if (ref.length() > 255 || ref.startsWith("-") || ref.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("'" + ref + "' is not a branch, tag or commit id");
        }
        ObjectId id;
        try {
            id = repository.resolve(ref + "^{commit}");
        } catch (AmbiguousObjectException ambiguous) {
            throw new InvalidInputException("'" + ref + "' abbreviates several objects: give more of the commit id");
        } catch (RevisionSyntaxException | IncorrectObjectTypeException invalid) {
            id = null;
        }
        if (id == null) {
            throw new NotFoundException("there is no branch, tag or commit '" + ref + "' in the repository of project '"
                    + project.name() + "'");
        }
        return id;
    }

    private static String cleanPath(String path) {
        String clean = path == null ? "" : path.replaceAll("^/+|/+$", "");
        boolean badSegment = Arrays.stream(clean.split("/"))
                .anyMatch(segment -> segment.isEmpty() || segment.equals(".") || segment.equals(".."));
        if (clean.isEmpty() || badSegment) {
            throw new InvalidInputException("'" + path + "' is not a file path in a repository: name a file such as "
                    + "src/pkg/__init__.py");
        }
        return clean;
    }

    private static List<Ref> refs(Repository repository, String prefix) {
        try {
            return repository.getRefDatabase().getRefsByPrefix(prefix).stream()
                    .sorted((a, b) -> a.getName().compareTo(b.getName())).toList();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static Commit commit(RevCommit commit) {
        PersonIdent author = commit.getAuthorIdent();
        PersonIdent committer = commit.getCommitterIdent();
        return new Commit(commit.name(), commit.getShortMessage(), commit.getFullMessage(), author.getName(),
                author.getEmailAddress(), author.getWhenAsInstant(), committer.getName(),
                committer.getWhenAsInstant(), Arrays.stream(commit.getParents()).map(RevCommit::name).toList());
    }
}
