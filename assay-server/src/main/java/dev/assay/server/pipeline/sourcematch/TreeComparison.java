package dev.assay.server.pipeline.sourcematch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.assay.server.index.contents.ContentEntry;
import dev.assay.server.index.contents.DistributionContents;

/**
 * Compares one uploaded file's entries with the tagged tree's files by their SHA-256. An sdist's path must be the
 * tree's path; a wheel installs its modules from wherever the project keeps them ({@code src/} or a sub-folder), so
 * its path must end a tree path holding the same bytes. Archive metadata (order, timestamps, permissions, headers)
 * is never compared: equal contents match.
 */
final class TreeComparison {

    static final String SETUP_CFG = "setup.cfg";

    private final Map<String, String> tree;
    private final Map<String, List<String>> pathsByHash = new HashMap<>();

    /** @param tree path → hex SHA-256 of every regular file of the tagged commit */
    TreeComparison(Map<String, String> tree) {
        this.tree = tree;
        tree.forEach((path, hash) -> pathsByHash.computeIfAbsent(hash, h -> new ArrayList<>()).add(path));
    }

    /**
     * The file's verdict against the tree and what differs; {@code setupCfgEdited}: its {@code setup.cfg} differs from
     * the tree's only by setuptools' {@code [egg_info]} section, so the backend wrote it.
     */
    FileSourceMatch compare(DistributionContents contents, boolean setupCfgEdited) {
        String filename = contents.file().filename();
        String type = contents.file().packageType();
        if (contents.problem().isPresent()) {
            return new FileSourceMatch(filename, type, SourceVerdict.DIFFERS, 0, List.of(),
                    List.of(new SourceDifference("", SourceDifference.UNREAD + ": " + contents.problem().get())),
                    FileSourceMatch.NOT_REBUILT);
        }
        boolean sdist = "sdist".equals(contents.root());
        int matched = 0;
        List<String> generated = new ArrayList<>();
        List<SourceDifference> differences = new ArrayList<>();
        for (ContentEntry entry : contents.leaves()) {
            String path = inner(contents.root(), entry.path());
            boolean written = sdist ? BackendFiles.inSdist(path, tree) || setupCfgEdited && path.equals(SETUP_CFG)
                    : BackendFiles.inWheel(path);
            if (written) {
                generated.add(path);
                continue;
            }
            String problem = sdist ? sdistProblem(path, entry) : wheelProblem(path, entry);
            if (problem == null) {
                matched++;
            } else {
                differences.add(new SourceDifference(path, problem));
            }
        }
        SourceVerdict verdict = differences.isEmpty() ? SourceVerdict.MATCHES_THE_SOURCE : SourceVerdict.DIFFERS;
        return new FileSourceMatch(filename, type, verdict, matched, List.copyOf(generated), List.copyOf(differences),
                FileSourceMatch.NOT_REBUILT);
    }

    private String sdistProblem(String path, ContentEntry entry) {
        String reason = entryProblem(entry);
        if (reason != null) {
            return reason;
        }
        String hash = tree.get(path);
        if (hash == null) {
            return SourceDifference.NOT_IN_TREE;
        }
        return hash.equals(entry.sha256()) ? null : SourceDifference.CHANGED;
    }

    private String wheelProblem(String path, ContentEntry entry) {
        String reason = entryProblem(entry);
        if (reason != null) {
            return reason;
        }
        String installed = installedPath(path);
        List<String> same = pathsByHash.getOrDefault(entry.sha256(), List.of());
        if (same.stream().anyMatch(candidate -> endsWithPath(candidate, installed))) {
            return null;
        }
        return tree.keySet().stream().anyMatch(candidate -> endsWithPath(candidate, installed))
                ? SourceDifference.CHANGED : SourceDifference.NOT_IN_TREE;
    }

    private static String entryProblem(ContentEntry entry) {
        if (!entry.kind().isFile()) {
            return SourceDifference.LINK;
        }
        return entry.sha256().isEmpty() ? SourceDifference.UNREAD : null;
    }

    /** A wheel's {@code NAME.data/purelib/x} installs as {@code x}: the tree holds it under that name. */
    private static String installedPath(String path) {
        String[] parts = path.split("/", 3);
        if (parts.length == 3 && parts[0].endsWith(".data") && Set.of("purelib", "platlib").contains(parts[1])) {
            return parts[2];
        }
        return path;
    }

    private static boolean endsWithPath(String candidate, String path) {
        return candidate.equals(path) || candidate.endsWith("/" + path);
    }

    /** A logical path as the archive names it inside: without an sdist's top folder or a wheel's tag. */
    static String inner(String root, String logical) {
        return logical.startsWith(root + "/") ? logical.substring(root.length() + 1) : logical;
    }
}
