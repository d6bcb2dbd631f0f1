package dev.assay.server.review.thread.anchor;

import java.util.List;
import java.util.Optional;

import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.HistogramDiff;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/** Follows a line of one version of a file to a later version: where it is now, unless it changed. */
public final class LinePorting {

    private final DiffAlgorithm diff = new HistogramDiff();

    /**
     * The 1-based line in {@code to} that line {@code line} of {@code from} became, or empty when that line was
     * changed or removed (a thread on it is outdated).
     */
    public Optional<Integer> port(List<String> from, List<String> to, int line) {
        EditList edits = diff.diff(RawTextComparator.DEFAULT, text(from), text(to));
        int index = line - 1;
        int shift = 0;
        for (Edit edit : edits) {
            if (edit.getBeginA() > index) {
                break;
            }
            if (edit.getEndA() > index) {
                return Optional.empty();
            }
            // the edit lies wholly above the line (an insertion at its position included): it only moves it
            shift += edit.getLengthB() - edit.getLengthA();
        }
        return Optional.of(line + shift);
    }

    private static RawText text(List<String> lines) {
        StringBuilder joined = new StringBuilder();
        lines.forEach(line -> joined.append(line).append('\n'));
        return new RawText(joined.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
