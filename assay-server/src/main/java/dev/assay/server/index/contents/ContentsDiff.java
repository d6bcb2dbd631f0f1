package dev.assay.server.index.contents;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.stereotype.Service;

import dev.assay.server.git.browse.diff.DiffLine;
import dev.assay.server.git.browse.diff.UnifiedDiff;
import dev.assay.server.index.Project;
import dev.assay.server.index.Release;

/**
 * Compares the contents of two releases of a project by logical path (iteration 1 and 2 of a review, or 1.0 and
 * 1.1): what was added, removed or changed, binaries by size and SHA-256, text as a unified diff numbered as the
 * file pages number it. Callers check first that the reader may read the project.
 */
@Service
public class ContentsDiff {

    static final int MAX_FILES = 300;
    static final int MAX_LINES_PER_FILE = 2_000;
    static final int MAX_LINES = 10_000;

    private final ReleaseContents contents;

    public ContentsDiff(ReleaseContents contents) {
        this.contents = contents;
    }

    /** What changed from release {@code from} to release {@code to}, both of {@code project}. */
    public ContentsComparison compare(Project project, Release from, Release to) {
        List<DistributionContents> oldFiles = contents.list(project, from);
        List<DistributionContents> newFiles = contents.list(project, to);
        ComparedPaths compared = ComparedPaths.of(oldFiles, newFiles);
        Map<String, ContentEntry> before = compared.before();
        Map<String, ContentEntry> after = compared.after();
        Set<String> paths = new TreeSet<>(before.keySet());
        paths.addAll(after.keySet());
        List<String> changed = new ArrayList<>();
        int unchanged = 0;
        for (String path : paths) {
            ContentEntry old = before.get(path);
            ContentEntry now = after.get(path);
            if (old != null && now != null && old.sameAs(now)) {
                unchanged++;
            } else {
                changed.add(path);
            }
        }
        List<String> shown = changed.subList(0, Math.min(changed.size(), MAX_FILES));
        Map<String, FileText> oldTexts = contents.texts(project, oldFiles, textPaths(shown, before));
        Map<String, FileText> newTexts = contents.texts(project, newFiles, textPaths(shown, after));
        List<ChangedFile> files = new ArrayList<>();
        int linesLeft = MAX_LINES;
        for (String path : shown) {
            ChangedFile file = file(path, Optional.ofNullable(before.get(path)), Optional.ofNullable(after.get(path)),
                    Optional.ofNullable(oldTexts.get(path)), Optional.ofNullable(newTexts.get(path)), linesLeft);
            linesLeft -= file.lines().size();
            files.add(file);
        }
        int omitted = changed.size() - shown.size();
        boolean truncated = omitted > 0 || files.stream().anyMatch(ChangedFile::truncated);
        return new ContentsComparison(from.version(), to.version(), List.copyOf(files), unchanged, omitted, truncated);
    }

    private static Set<String> textPaths(List<String> paths, Map<String, ContentEntry> side) {
        Set<String> texts = new TreeSet<>();
        paths.stream().filter(path -> side.containsKey(path) && side.get(path).kind() == ContentKind.TEXT)
                .forEach(texts::add);
        return texts;
    }

    private static ChangedFile file(String path, Optional<ContentEntry> old, Optional<ContentEntry> now,
            Optional<FileText> oldText, Optional<FileText> newText, int linesLeft) {
        ChangedFile.Change change = old.isEmpty() ? ChangedFile.Change.ADDED
                : now.isEmpty() ? ChangedFile.Change.REMOVED : ChangedFile.Change.CHANGED;
        boolean oldIsText = old.isEmpty() || oldText.filter(FileText::isText).isPresent();
        boolean newIsText = now.isEmpty() || newText.filter(FileText::isText).isPresent();
        if (!oldIsText || !newIsText) {
            return new ChangedFile(path, change, old, now, false, List.of(), 0, 0, false);
        }
        UnifiedDiff.Lines diff = UnifiedDiff.between(bytes(oldText), bytes(newText),
                Math.max(0, Math.min(MAX_LINES_PER_FILE, linesLeft)));
        List<DiffLine> lines = diff.lines();
        return new ChangedFile(path, change, old, now, true, lines, diff.added(), diff.removed(), diff.truncated());
    }

    /** The text as the file page numbers it: its lines, each ended by a newline. */
    private static byte[] bytes(Optional<FileText> text) {
        StringBuilder joined = new StringBuilder();
        text.ifPresent(present -> present.lines().forEach(line -> joined.append(line).append('\n')));
        return joined.toString().getBytes(StandardCharsets.UTF_8);
    }
}
