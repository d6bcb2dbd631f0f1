package dev.assay.server.git.browse;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * The last commit that changed each entry of a directory, found in one history walk limited to the directory's
 * entries, and remembered per (commit, directory) in a small least-recently-used cache.
 */
final class LastCommits {

    /** The commits per entry name; {@code complete} is false when the walk stopped at its bound first. */
    record Found(Map<String, CommitInfo> byName, boolean complete) {
        Found {
            // shared by every page served from the cache
            byName = Map.copyOf(byName);
        }
    }

    private record Key(String commit, String directory) {
    }

    private final int maxCommits;
    private final Map<Key, Found> cache;

    /** Walks at most {@code maxCommits} commits per directory and remembers {@code cacheSize} directories. */
    LastCommits(int maxCommits, int cacheSize) {
        this.maxCommits = maxCommits;
        this.cache = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Found> eldest) {
                return size() > cacheSize;
            }
        });
    }

    /** The last commit of each of {@code names}, the entries of {@code directory} ("" is the root) at {@code start}. */
    Found of(Repository repository, RevCommit start, String directory, List<String> names) throws IOException {
        Key key = new Key(start.name(), directory);
        Found cached = cache.get(key);
        if (cached != null) {
            return cached;
        }
        Found found = walk(repository, start, directory, names);
        cache.put(key, found);
        return found;
    }

    private Found walk(Repository repository, RevCommit start, String directory, List<String> names)
            throws IOException {
        Map<String, CommitInfo> byName = new HashMap<>();
        if (names.isEmpty()) {
            return new Found(byName, true);
        }
        String prefix = directory.isEmpty() ? "" : directory + "/";
        Set<String> paths = new HashSet<>();
        names.forEach(name -> paths.add(prefix + name));
        try (RevWalk walk = new RevWalk(repository)) {
            walk.sort(RevSort.COMMIT_TIME_DESC);
            // git log's history simplification over all the entries at once: only commits touching one of them
            walk.setTreeFilter(AndTreeFilter.create(PathFilterGroup.createFromStrings(paths), TreeFilter.ANY_DIFF));
            walk.markStart(walk.parseCommit(start));
            int walked = 0;
            for (RevCommit commit : walk) {
                for (String name : changed(repository, walk, commit, prefix, paths)) {
                    if (paths.remove(prefix + name)) {
                        byName.put(name, CommitInfo.of(commit));
                    }
                }
                if (paths.isEmpty()) {
                    return new Found(byName, true);
                }
                if (++walked >= maxCommits) {
                    return new Found(byName, false);
                }
            }
        }
        // the walk reached the first commits: what is left came from nowhere (a path git cannot follow)
        return new Found(byName, paths.isEmpty());
    }

    /**
     * The entries (still wanted) that {@code commit} changed: those that differ from every parent, as git log's
     * simplification decides per path, so a merge counts only for what it changed itself.
     */
    private static List<String> changed(Repository repository, RevWalk walk, RevCommit commit, String prefix,
            Set<String> wanted) throws IOException {
        List<String> names = new ArrayList<>();
        try (TreeWalk tree = new TreeWalk(repository, walk.getObjectReader())) {
            tree.addTree(commit.getTree());
            for (RevCommit parent : commit.getParents()) {
                tree.addTree(walk.parseCommit(parent).getTree());
            }
            tree.setFilter(AndTreeFilter.create(PathFilterGroup.createFromStrings(wanted), TreeFilter.ANY_DIFF));
            while (tree.next()) {
                String path = tree.getPathString();
                if (prefix.startsWith(path + "/")) {
                    tree.enterSubtree();
                } else if (wanted.contains(path) && differsFromEveryParent(tree)) {
                    names.add(path.substring(prefix.length()));
                }
            }
        }
        return names;
    }

    private static boolean differsFromEveryParent(TreeWalk tree) {
        for (int parent = 1; parent < tree.getTreeCount(); parent++) {
            if (tree.getRawMode(0) == tree.getRawMode(parent) && tree.idEqual(0, parent)) {
                return false;
            }
        }
        return true;
    }
}
