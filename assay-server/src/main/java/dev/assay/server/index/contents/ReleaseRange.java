package dev.assay.server.index.contents;

import dev.assay.server.error.InvalidInputException;

/** Two versions written {@code FROM...TO} in a compare address, as git writes a range. */
record ReleaseRange(String from, String to) {

    private static final String SEPARATOR = "...";

    /** Parses {@code FROM...TO}; anything else is refused with a message showing the form. */
    static ReleaseRange parse(String range, String project) {
        int separator = range.indexOf(SEPARATOR);
        if (separator <= 0 || separator + SEPARATOR.length() >= range.length()) {
            throw new InvalidInputException("Name two releases as FROM...TO, e.g. /project/" + project
                    + "/compare/1.0...1.1/contents");
        }
        return new ReleaseRange(range.substring(0, separator), range.substring(separator + SEPARATOR.length()));
    }
}
