package dev.assay.tasks.report;

import java.util.Objects;

/** Where a finding points: a path (in the distribution or the workspace) and a line, 0 when unknown. */
public record Location(String path, int line) {

    public Location {
        Objects.requireNonNull(path, "path");
        if (line < 0) {
            throw new IllegalArgumentException("line must not be negative, was " + line);
        }
    }

    public static Location of(String path) {
        return new Location(path, 0);
    }

    @Override
    public String toString() {
        return line == 0 ? path : path + ":" + line;
    }
}
