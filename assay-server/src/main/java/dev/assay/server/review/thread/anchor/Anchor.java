package dev.assay.server.review.thread.anchor;

/**
 * Where an inline thread was written: a line (1-based) of a file, by its logical path (e.g.
 * {@code sdist/src/calc.py}), on one side of iteration {@code iteration}'s view.
 */
public record Anchor(int iteration, String path, int line, Side side) {
}
