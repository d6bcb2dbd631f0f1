package dev.assay.server.pipeline.sourcematch;

import java.util.ArrayList;
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
 * order, permissions and headers) leave the tree's verdict as it is; every file that differs — including those the
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
        RebuiltFile rebuilt = counterpart.get();
        if (rebuilt.sha256().equals(upload.file().sha256())) {
            return withRebuild(tree, SourceVerdict.REPRODUCED, tree.differences(), "byte-identical");
        }
        List<SourceDifference> differences = new ArrayList<>(tree.differences());
        Set<String> named = new HashSet<>(differences.stream().map(SourceDifference::path).toList());
        Map<String, String> uploaded = entries(upload);
        int before = differences.size();
        uploaded.forEach((path, hash) -> {
            String other = rebuilt.entries().get(path);
            if (!named.contains(path) && !hash.equals(other)) {
                differences.add(new SourceDifference(path, other == null ? SourceDifference.NOT_IN_REBUILD
                        : SourceDifference.CHANGED_FROM_REBUILD));
            }
        });
        rebuilt.entries().keySet().stream().filter(path -> !uploaded.containsKey(path) && !named.contains(path))
                .forEach(path -> differences.add(new SourceDifference(path, SourceDifference.ONLY_IN_REBUILD)));
        boolean sameContents = differences.size() == before && tree.differences().isEmpty();
        SourceVerdict verdict = differences.isEmpty() ? SourceVerdict.MATCHES_THE_SOURCE : SourceVerdict.DIFFERS;
        return withRebuild(tree, verdict, differences, sameContents ? "same contents" : "other contents");
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
