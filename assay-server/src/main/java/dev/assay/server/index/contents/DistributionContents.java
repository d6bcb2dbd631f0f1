package dev.assay.server.index.contents;

import java.util.List;
import java.util.Optional;

import dev.assay.server.index.DistributionFile;

/**
 * The entries of one distribution file of a release, sorted by logical path, or why the file could not be read.
 *
 * @param file    the distribution file
 * @param root    the logical path every entry starts with: {@code sdist} or {@code wheel/<tag>}
 * @param entries every entry (directories and links included), sorted by logical path
 * @param problem why the archive could not be read (then {@code entries} is empty)
 */
public record DistributionContents(DistributionFile file, String root, List<ContentEntry> entries,
        Optional<String> problem) {

    /** The entry at this logical path, if the file holds it. */
    public Optional<ContentEntry> entry(String path) {
        return entries.stream().filter(entry -> entry.path().equals(path)).findFirst();
    }

    /** The regular files and links: what a listing shows (folders are implied by the paths). */
    public List<ContentEntry> leaves() {
        return entries.stream().filter(entry -> entry.kind() != ContentKind.DIRECTORY).toList();
    }

    /** The leaves as a tree of folders under the root, for a collapsible listing. */
    public ContentsFolder tree() {
        return ContentsFolder.of(root, leaves().stream().filter(leaf -> leaf.path().startsWith(root + "/")).toList());
    }

    /** The sum of the regular files' sizes. */
    public long totalSize() {
        return entries.stream().mapToLong(ContentEntry::size).sum();
    }

    /** An id usable in HTML ({@code contents-sdist}, {@code contents-wheel-py3-none-any}). */
    public String anchor() {
        return "contents-" + root.replaceAll("[^A-Za-z0-9_.-]", "-");
    }
}
