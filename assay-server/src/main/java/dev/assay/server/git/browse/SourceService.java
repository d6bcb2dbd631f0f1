package dev.assay.server.git.browse;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.springframework.stereotype.Service;

import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.Project;
import dev.assay.server.index.description.RelativeLinks;

/** Reads branches, tags, directories and files of a project's repository for the source pages. */
@Service
public class SourceService {

    static final long MAX_RENDERED_SIZE = 1024 * 1024;
    static final int BINARY_PROBE = 8 * 1024;
    /** How far back the last commit of a directory's entries is looked for: older ones are "not found". */
    static final int LAST_COMMIT_WALK = 2_000;
    static final int LAST_COMMIT_CACHE = 256;

    private final SourceRepositories repositories;
    private final TreeReadme readmes;
    private final LastCommits lastCommits = new LastCommits(LAST_COMMIT_WALK, LAST_COMMIT_CACHE);

    SourceService(SourceRepositories repositories, TreeReadme readmes) {
        this.repositories = repositories;
        this.readmes = readmes;
    }

    /** Branches and tags, or empty when the repository does not exist yet. */
    public Optional<SourceOverview> overview(Project project) {
        Optional<Repository> opened = repositories.open(project);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        try (Repository repository = opened.get(); RevWalk walk = new RevWalk(repository)) {
            String defaultBranch = defaultBranch(repository);
            List<SourceRef> branches = refs(repository, walk, Constants.R_HEADS, defaultBranch);
            List<SourceRef> tags = new ArrayList<>(refs(repository, walk, Constants.R_TAGS, null));
            tags.sort(Comparator.comparing((SourceRef tag) -> tag.commit().authoredAt()).reversed());
            boolean hasDefault = branches.stream().anyMatch(SourceRef::isDefault);
            return Optional.of(new SourceOverview(hasDefault ? defaultBranch : null, branches, tags));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The directory at {@code <ref>/<path>}; 404 when the ref or path does not exist or is a file. */
    public TreePage tree(Project project, List<String> refAndPath) {
        try (Repository repository = repositories.require(project); RevWalk walk = new RevWalk(repository)) {
            RefResolver.RefAndPath at = new RefResolver(repository, walk).withPath(refAndPath);
            RevCommit commit = at.ref().commit();
            List<TreeItem> items = new ArrayList<>();
            try (TreeWalk tree = directory(repository, commit, at.path())) {
                while (tree.next()) {
                    items.add(item(tree, walk.getObjectReader(), at.path()));
                }
            }
            items.sort(Comparator.comparing((TreeItem item) -> !item.isDirectory()).thenComparing(TreeItem::name));
            LastCommits.Found last = lastCommits.of(repository, commit, at.path(),
                    items.stream().map(TreeItem::name).toList());
            return new TreePage(at.ref().name(), kind(at.ref()), CommitInfo.of(commit), at.path(), items,
                    last.byName(), last.complete(), readme(project, at, repository, commit, items));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private Readme readme(Project project, RefResolver.RefAndPath at, Repository repository, RevCommit commit,
            List<TreeItem> items) throws IOException {
        SourceLinks links = new SourceLinks(project.normalizedName());
        String ref = at.ref().name();
        RelativeLinks relative = new RelativeLinks(links.blob(ref, at.path()) + "/", links.raw(ref, at.path()) + "/");
        return readmes.find(repository, commit, items, relative).orElse(null);
    }

    /** The file at {@code <ref>/<path>}: its lines when it is text under 1 MB; never loads a larger blob. */
    public BlobPage blob(Project project, List<String> refAndPath) {
        try (Repository repository = repositories.require(project); RevWalk walk = new RevWalk(repository)) {
            RefResolver.RefAndPath at = new RefResolver(repository, walk).withPath(refAndPath);
            ObjectLoader loader = file(repository, at);
            long size = loader.getSize();
            CommitInfo commit = CommitInfo.of(at.ref().commit());
            if (size > MAX_RENDERED_SIZE) {
                return new BlobPage(at.ref().name(), kind(at.ref()), commit, at.path(), size,
                        BlobPage.Rendering.LARGE, List.of());
            }
            byte[] bytes = loader.getCachedBytes((int) MAX_RENDERED_SIZE);
            if (isBinary(bytes, bytes.length)) {
                return new BlobPage(at.ref().name(), kind(at.ref()), commit, at.path(), size,
                        BlobPage.Rendering.BINARY, List.of());
            }
            return new BlobPage(at.ref().name(), kind(at.ref()), commit, at.path(), size, BlobPage.Rendering.TEXT,
                    lines(new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /**
     * The paths of every file at a ref (sorted as git stores them), at most {@code limit}; 404 when the ref does
     * not exist.
     */
    public List<String> files(Project project, String ref, int limit) {
        try (Repository repository = repositories.require(project); RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = new RefResolver(repository, walk).exact(ref).commit();
            List<String> paths = new ArrayList<>();
            try (TreeWalk tree = new TreeWalk(repository)) {
                tree.addTree(commit.getTree());
                tree.setRecursive(true);
                while (paths.size() < limit && tree.next()) {
                    paths.add(tree.getPathString());
                }
            }
            return paths;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** Where a raw file goes: given the file's name, size and whether it looks binary, the stream to write to. */
    @FunctionalInterface
    public interface RawTarget {
        OutputStream begin(String fileName, long size, boolean binary) throws IOException;
    }

    /** Streams the file at {@code <ref>/<path>} without holding it in memory. */
    public void raw(Project project, List<String> refAndPath, RawTarget target) throws IOException {
        try (Repository repository = repositories.require(project); RevWalk walk = new RevWalk(repository)) {
            RefResolver.RefAndPath at = new RefResolver(repository, walk).withPath(refAndPath);
            ObjectLoader loader = file(repository, at);
            try (InputStream in = loader.openStream()) {
                byte[] probe = in.readNBytes(BINARY_PROBE);
                String name = at.path().substring(at.path().lastIndexOf('/') + 1);
                OutputStream out = target.begin(name, loader.getSize(), isBinary(probe, probe.length));
                out.write(probe);
                in.transferTo(out);
            }
        }
    }

    private static ObjectLoader file(Repository repository, RefResolver.RefAndPath at) throws IOException {
        String missing = "there is no file '" + at.path() + "' at " + at.ref().name();
        if (at.path().isEmpty()) {
            throw new NotFoundException(missing);
        }
        try (TreeWalk found = TreeWalk.forPath(repository, at.path(), at.ref().commit().getTree())) {
            int type = found == null ? 0 : found.getRawMode(0) & FileMode.TYPE_MASK;
            if (type != FileMode.TYPE_FILE && type != FileMode.TYPE_SYMLINK) {
                throw new NotFoundException(missing);
            }
            return repository.open(found.getObjectId(0), Constants.OBJ_BLOB);
        }
    }

    private static TreeWalk directory(Repository repository, RevCommit commit, String path) throws IOException {
        TreeWalk walk = new TreeWalk(repository);
        if (path.isEmpty()) {
            walk.addTree(commit.getTree());
            return walk;
        }
        try (TreeWalk found = TreeWalk.forPath(repository, path, commit.getTree())) {
            if (found == null || !found.isSubtree()) {
                walk.close();
                throw new NotFoundException("there is no directory '" + path + "' at " + commit.abbreviate(10).name());
            }
            walk.addTree(found.getObjectId(0));
            return walk;
        }
    }

    private static TreeItem item(TreeWalk tree, ObjectReader reader, String parent) throws IOException {
        String name = tree.getNameString();
        String path = parent.isEmpty() ? name : parent + "/" + name;
        int type = tree.getRawMode(0) & FileMode.TYPE_MASK;
        if (type == FileMode.TYPE_TREE) {
            return new TreeItem(name, path, TreeItem.Kind.DIRECTORY, 0, null);
        }
        if (type == FileMode.TYPE_GITLINK) {
            return new TreeItem(name, path, TreeItem.Kind.SUBMODULE, 0, tree.getObjectId(0).name());
        }
        long size = reader.getObjectSize(tree.getObjectId(0), Constants.OBJ_BLOB);
        return new TreeItem(name, path, type == FileMode.TYPE_SYMLINK ? TreeItem.Kind.SYMLINK : TreeItem.Kind.FILE,
                size, null);
    }

    private static List<SourceRef> refs(Repository repository, RevWalk walk, String prefix, String defaultBranch)
            throws IOException {
        List<SourceRef> refs = new ArrayList<>();
        for (Ref ref : repository.getRefDatabase().getRefsByPrefix(prefix)) {
            String name = ref.getName().substring(prefix.length());
            try {
                // peeled here, not looked up by name: a tag may share its name with a branch
                RevCommit commit = walk.parseCommit(ref.getObjectId());
                refs.add(new SourceRef(name, name.equals(defaultBranch), CommitInfo.of(commit)));
            } catch (IncorrectObjectTypeException | MissingObjectException notACommit) {
                // a tag of a tree or blob has no history to browse
            }
        }
        refs.sort(Comparator.comparing((SourceRef ref) -> !ref.isDefault()).thenComparing(SourceRef::name));
        return refs;
    }

    /** The branch HEAD names; a bare repository's HEAD may name a branch nobody pushed yet. */
    static String defaultBranch(Repository repository) throws IOException {
        Ref head = repository.exactRef(Constants.HEAD);
        if (head != null && head.isSymbolic()) {
            String target = head.getTarget().getName();
            if (target.startsWith(Constants.R_HEADS) && repository.exactRef(target) != null) {
                return target.substring(Constants.R_HEADS.length());
            }
        }
        for (String usual : List.of("main", "master")) {
            if (repository.exactRef(Constants.R_HEADS + usual) != null) {
                return usual;
            }
        }
        List<Ref> branches = repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS);
        return branches.isEmpty() ? null : branches.get(0).getName().substring(Constants.R_HEADS.length());
    }

    static String kind(ResolvedRef ref) {
        return ref.kind().name().toLowerCase(Locale.ROOT);
    }

    /** Git's own rule: a NUL byte in the first 8 KB means binary. */
    static boolean isBinary(byte[] bytes, int length) {
        for (int i = 0; i < Math.min(length, BINARY_PROBE); i++) {
            if (bytes[i] == 0) {
                return true;
            }
        }
        return false;
    }

    private static List<String> lines(String text) {
        String body = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
        return Arrays.stream(body.split("\r?\n", -1)).toList();
    }
}
