package dev.assay.server.index.contents;

import java.util.List;

/**
 * The difference of contents from one release to another, by logical path.
 *
 * @param from         the older release's version
 * @param to           the newer release's version
 * @param files        the paths added, removed or changed, sorted by path
 * @param unchanged    how many paths hold the same thing in both
 * @param omittedFiles how many more changed paths are not listed because the diff is too large
 * @param truncated    whether anything (files or lines) was left out
 */
public record ContentsComparison(String from, String to, List<ChangedFile> files, int unchanged, int omittedFiles,
        boolean truncated) {

    /** Lines added over every text file shown. */
    public int added() {
        return files.stream().mapToInt(ChangedFile::added).sum();
    }

    /** Lines removed over every text file shown. */
    public int removed() {
        return files.stream().mapToInt(ChangedFile::removed).sum();
    }
}
