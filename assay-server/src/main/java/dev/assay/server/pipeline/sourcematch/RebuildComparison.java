package dev.assay.server.pipeline.sourcematch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import dev.assay.server.index.contents.ContentEntry;
import dev.assay.server.index.contents.DistributionContents;

/**
 * Compares an uploaded file with its counterpart rebuilt from the tagged commit: byte-identical is
 * {@link SourceVerdict#REPRODUCED}; the same files with the same bytes inside (whatever the archive's timestamps,
 * order, permissions and headers) leave the tree's verdict as it is; a file the tree lacks but the rebuild holds
 * byte for byte was written by the build backend; every file that differs — including those the
 * build backend writes, which the tree alone cannot check — is a difference.
 */
final class RebuildComparison {

    private RebuildComparison() {
    }

    /** The tree's verdict on {@code upload} refined by the rebuild; unchanged when nothing was rebuilt. */
    static FileSourceMatch refine(FileSourceMatch tree, DistributionContents upload, Rebuilds.Rebuild rebuild) {
        if (rebuild.problem().isPresent()) {
            return withRebuild(tree, tree.verdict(), tree.differences(), rebuild.problem().get());
        }
        Optional<RebuiltFile> counterpart = counterpart(upload, rebuild.files());
        if (counterpart.isEmpty() || upload.problem().isPresent()) {
            return withRebuild(tree, tree.verdict(), tree.differences(), "not rebuilt: the rebuild made "
                    + String.join(", ", rebuild.files().stream().map(RebuiltFile::filename).toList()));
        }
        return compare(tree, upload, counterpart.get());
    }

    private static FileSourceMatch compare(FileSourceMatch tree, DistributionContents upload, RebuiltFile rebuilt) {
        Map<String, String> keys = archiveKeys(upload);
        Map<String, String> uploaded = entries(upload);
        List<String> generated = new ArrayList<>(tree.generated());
        List<SourceDifference> differences = new ArrayList<>();
        for (SourceDifference difference : tree.differences()) {
            differences.addAll(writtenByTheBackend(difference, keys, uploaded, rebuilt, generated));
        }
        if (rebuilt.sha256().equals(upload.file().sha256())) {
            return new FileSourceMatch(tree.filename(), tree.packageType(), SourceVerdict.REPRODUCED, tree.matched(),
                    List.copyOf(generated), List.copyOf(differences), "byte-identical");
        }
        Set<String> named = new HashSet<>();
        differences.forEach(difference -> named.add(keys.getOrDefault(difference.path(), difference.path())));
        uploaded.forEach((path, hash) -> {
            String other = rebuilt.entries().get(path);
            if (!named.contains(path) && !hash.equals(other)) {
                differences.add(new SourceDifference(path, other == null ? SourceDifference.NOT_IN_REBUILD
                        : SourceDifference.CHANGED_FROM_REBUILD));
            }
        });
        rebuilt.entries().keySet().stream().filter(path -> !uploaded.containsKey(path) && !named.contains(path))
                .forEach(path -> differences.add(new SourceDifference(path, SourceDifference.ONLY_IN_REBUILD)));
        // no difference left once the backend's own files are checked against the rebuild: only the archive differs
        boolean sameContents = differences.isEmpty();
        return new FileSourceMatch(tree.filename(), tree.packageType(),
                sameContents ? SourceVerdict.MATCHES_THE_SOURCE : SourceVerdict.DIFFERS, tree.matched(),
                List.copyOf(generated), List.copyOf(differences), sameContents ? "same contents" : "other contents");
    }

    /**
     * A file the tagged tree does not hold but the rebuild from it does was written by the build backend (poetry's
     * {@code setup.py}, setuptools-scm's {@code _version.py}): it counts as generated when it is the rebuild's, byte
     * for byte, and as differing from the rebuild otherwise; any other difference stays as it is.
     */
    private static List<SourceDifference> writtenByTheBackend(SourceDifference difference, Map<String, String> keys,
            Map<String, String> uploaded, RebuiltFile rebuilt, List<String> generated) {
        String key = keys.get(difference.path());
        String written = key == null ? null : rebuilt.entries().get(key);
        if (!difference.reason().equals(SourceDifference.NOT_IN_TREE) || written == null) {
            return List.of(difference);
        }
        if (written.equals(uploaded.get(key))) {
            generated.add(difference.path());
            return List.of();
        }
        return List.of(new SourceDifference(difference.path(), SourceDifference.CHANGED_FROM_REBUILD));
    }

    /** Each regular file's path as the tree comparison names it → its path as {@link #entries} names it. */
    private static Map<String, String> archiveKeys(DistributionContents upload) {
        boolean wheel = upload.file().filename().endsWith(".whl");
        Map<String, String> keys = new HashMap<>();
        for (ContentEntry entry : upload.leaves()) {
            String treePath = TreeComparison.inner(upload.root(), entry.path());
            keys.put(treePath, wheel ? entry.archivePath() : treePath);
        }
        return keys;
    }

    /** The rebuilt wheel of the same name, or the rebuilt sdist for an sdist. */
    private static Optional<RebuiltFile> counterpart(DistributionContents upload, List<RebuiltFile> rebuilt) {
        String filename = upload.file().filename();
        if (filename.endsWith(".whl")) {
            return rebuilt.stream().filter(file -> file.filename().equals(filename)).findFirst();
        }
        return rebuilt.stream().filter(file -> !file.isWheel()).findFirst();
    }

    /**
     * The upload's regular files by their path inside the archive, as the rebuild records its own: a wheel's by its
     * archive path (its logical path names {@code NAME.dist-info/} without the version), an sdist's without the top
     * folder.
     */
    private static Map<String, String> entries(DistributionContents upload) {
        boolean wheel = upload.file().filename().endsWith(".whl");
        Map<String, String> entries = new TreeMap<>();
        for (ContentEntry entry : upload.leaves()) {
            if (entry.kind().isFile()) {
                entries.put(wheel ? entry.archivePath() : TreeComparison.inner(upload.root(), entry.path()),
                        entry.sha256());
            }
        }
        return entries;
    }

    private static FileSourceMatch withRebuild(FileSourceMatch tree, SourceVerdict verdict,
            List<SourceDifference> differences, String rebuild) {
        return new FileSourceMatch(tree.filename(), tree.packageType(), verdict, tree.matched(), tree.generated(),
                List.copyOf(differences), rebuild);
    }
}
