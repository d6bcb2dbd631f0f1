package dev.assay.server.review.thread.comment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A suggested change in a comment: the lines of its first fenced {@code suggestion} block, which replace the line
 * the thread is on (no lines: the line is deleted).
 */
public record Suggestion(List<String> lines) {

    private static final Pattern OPENING = Pattern.compile(" {0,3}(`{3,}|~{3,})\\s*suggestion\\s*");

    public Suggestion {
        lines = List.copyOf(lines);
    }

    /** The first suggestion block of a comment's Markdown; an unclosed block runs to the end, as in CommonMark. */
    public static Optional<Suggestion> in(String body) {
        if (body == null) {
            return Optional.empty();
        }
        String[] lines = body.split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            Matcher opening = OPENING.matcher(lines[i]);
            if (opening.matches()) {
                String fence = opening.group(1);
                Pattern closing = Pattern.compile(" {0,3}" + Pattern.quote(fence.substring(0, 1)) + "{"
                        + fence.length() + ",}\\s*");
                List<String> block = new ArrayList<>();
                int j = i + 1;
                for (; j < lines.length && !closing.matcher(lines[j]).matches(); j++) {
                    block.add(lines[j]);
                }
                if (j == lines.length && !block.isEmpty() && block.get(block.size() - 1).isEmpty()) {
                    block.remove(block.size() - 1); // the body's final newline, not a line of the block
                }
                return Optional.of(new Suggestion(block));
            }
        }
        return Optional.empty();
    }
}
