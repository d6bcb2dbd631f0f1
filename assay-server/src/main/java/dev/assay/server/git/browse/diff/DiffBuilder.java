package dev.assay.server.git.browse.diff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.AbbreviatedObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevTree;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Builds the per-file unified diffs between two trees, with rename detection. Blobs over the size limit are
 * never loaded, and the number of files and lines shown is bounded so a huge commit still renders quickly.
 */
public final class DiffBuilder {

    static final long MAX_BLOB_SIZE = 1024 * 1024;
    static final int MAX_FILES = 300;
    public static final int MAX_LINES_PER_FILE = 2_000;
    static final int MAX_LINES = 10_000;

    private final Repository repository;
    private final ObjectReader reader;
    private int linesLeft = MAX_LINES;

    public DiffBuilder(Repository repository, ObjectReader reader) {
        this.repository = repository;
        this.reader = reader;
    }

    /** The diff from {@code oldTree} (null: the empty tree) to {@code newTree}. */
    public DiffView diff(RevTree oldTree, RevTree newTree) throws IOException {
        List<DiffEntry> entries;
        try (DiffFormatter scanner = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            scanner.setRepository(repository);
            scanner.setDetectRenames(true);
            // rename detection reads both sides to compare them; keep it to files the page could show
            scanner.getRenameDetector().setBigFileThreshold((int) MAX_BLOB_SIZE);
            scanner.getRenameDetector().setRenameLimit(MAX_FILES);
            entries = scanner.scan(oldTree, newTree);
        }
        List<FileDiff> files = new ArrayList<>();
        int added = 0;
        int removed = 0;
        boolean truncated = false;
        for (DiffEntry entry : entries.subList(0, Math.min(entries.size(), MAX_FILES))) {
            FileDiff file = file(entry);
            files.add(file);
            added += file.added();
            removed += file.removed();
            truncated |= file.truncated();
        }
        int omitted = entries.size() - files.size();
        return new DiffView(files, added, removed, omitted, truncated || omitted > 0);
    }

    private FileDiff file(DiffEntry entry) throws IOException {
        FileDiff.Change change = change(entry.getChangeType());
        int similarity = entry.getScore();
        if (isLarge(entry.getOldMode(), entry.getOldId()) || isLarge(entry.getNewMode(), entry.getNewId())) {
            return new FileDiff(entry.getOldPath(), entry.getNewPath(), change, similarity, FileDiff.Content.LARGE,
                    0, 0, List.of(), false);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DiffFormatter formatter = new DiffFormatter(out)) {
            formatter.setRepository(repository);
            formatter.format(entry);
        }
        return parse(entry, change, similarity, out.toString(StandardCharsets.UTF_8));
    }

    private boolean isLarge(FileMode mode, AbbreviatedObjectId id) throws IOException {
        if (mode.getObjectType() != Constants.OBJ_BLOB || id == null || !id.isComplete()) {
            return false;
        }
        return reader.getObjectSize(id.toObjectId(), Constants.OBJ_BLOB) > MAX_BLOB_SIZE;
    }

    private FileDiff parse(DiffEntry entry, FileDiff.Change change, int similarity, String text) {
        UnifiedDiff.Lines parsed = UnifiedDiff.parse(text, Math.max(0, Math.min(MAX_LINES_PER_FILE, linesLeft)));
        linesLeft -= parsed.lines().size();
        FileDiff.Content content = parsed.binary() ? FileDiff.Content.BINARY : FileDiff.Content.TEXT;
        return new FileDiff(entry.getOldPath(), entry.getNewPath(), change, similarity, content, parsed.added(),
                parsed.removed(), parsed.lines(), parsed.truncated());
    }

    private static FileDiff.Change change(DiffEntry.ChangeType type) {
        return switch (type) {
            case ADD -> FileDiff.Change.ADDED;
            case DELETE -> FileDiff.Change.DELETED;
            case RENAME -> FileDiff.Change.RENAMED;
            case COPY -> FileDiff.Change.COPIED;
            case MODIFY -> FileDiff.Change.MODIFIED;
        };
    }
}
