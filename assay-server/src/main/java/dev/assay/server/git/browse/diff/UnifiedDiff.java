package dev.assay.server.git.browse.diff;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/**
 * A unified diff read into numbered lines: JGit's output for a pair of git blobs (the source browser) or for two
 * texts from anywhere else (a release's files), so that both show the same lines with the same numbers.
 */
public final class UnifiedDiff {

    /**
     * The lines shown (at most the number asked for), the complete added and removed counts, whether git
     * called the content binary, and whether lines were left out.
     */
    public record Lines(List<DiffLine> lines, int added, int removed, boolean binary, boolean truncated) {
    }

    private UnifiedDiff() {
    }

    /** The diff of two texts by JGit's histogram algorithm, three lines of context, at most {@code maxLines} shown. */
    public static Lines between(byte[] oldText, byte[] newText, int maxLines) {
        RawText a = new RawText(oldText);
        RawText b = new RawText(newText);
        EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                .diff(RawTextComparator.DEFAULT, a, b);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DiffFormatter formatter = new DiffFormatter(out)) {
            formatter.format(edits, a, b);
        } catch (IOException impossible) {
            throw new UncheckedIOException("writing to memory failed", impossible);
        }
        return parse(out.toString(StandardCharsets.UTF_8), maxLines);
    }

    /** Reads JGit's unified output back into lines: the header up to the first hunk is skipped. */
    public static Lines parse(String text, int maxLines) {
        List<DiffLine> lines = new ArrayList<>();
        boolean inHunks = false;
        boolean binary = false;
        boolean truncated = false;
        int added = 0;
        int removed = 0;
        int oldLine = 0;
        int newLine = 0;
        for (String line : text.split("\n", -1)) {
            if (!inHunks) {
                binary |= line.startsWith("Binary files");
                inHunks = line.startsWith("@@");
                if (!inHunks) {
                    continue;
                }
            }
            DiffLine shown;
            if (line.startsWith("@@")) {
                int[] starts = hunkStarts(line);
                oldLine = starts[0];
                newLine = starts[1];
                shown = new DiffLine(DiffLine.Kind.HUNK, null, null, line);
            } else if (line.startsWith("+")) {
                added++;
                shown = new DiffLine(DiffLine.Kind.ADDED, null, newLine++, line.substring(1));
            } else if (line.startsWith("-")) {
                removed++;
                shown = new DiffLine(DiffLine.Kind.REMOVED, oldLine++, null, line.substring(1));
            } else if (line.startsWith(" ")) {
                shown = new DiffLine(DiffLine.Kind.CONTEXT, oldLine++, newLine++, line.substring(1));
            } else if (line.startsWith("\\")) {
                shown = new DiffLine(DiffLine.Kind.NOTE, null, null, line.substring(1).trim());
            } else {
                continue;
            }
            if (lines.size() < maxLines) {
                lines.add(shown);
            } else {
                truncated = true;
            }
        }
        return new Lines(List.copyOf(lines), added, removed, binary, truncated);
    }

    /** The first old and new line numbers of a hunk header {@code @@ -12,7 +12,8 @@}. */
    static int[] hunkStarts(String header) {
        String[] parts = header.split(" ");
        return new int[] {start(parts[1]), start(parts[2])};
    }

    private static int start(String range) {
        String digits = range.substring(1);
        int comma = digits.indexOf(',');
        return Integer.parseInt(comma < 0 ? digits : digits.substring(0, comma));
    }
}
