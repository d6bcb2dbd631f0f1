package dev.assay.packaging.requirement;

/** Builds the syntax-error messages of marker parsing, naming the marker and the column at fault. */
final class MarkerSyntax {

    private MarkerSyntax() {
    }

    static InvalidMarkerException error(String source, int position, String problem) {
        return new InvalidMarkerException("invalid environment marker '" + source + "': " + problem
                + " at column " + (position + 1));
    }

    static String describe(char c) {
        if (Character.isISOControl(c) || Character.isWhitespace(c)) {
            return String.format("U+%04X", (int) c);
        }
        return "'" + c + "' (U+" + String.format("%04X", (int) c) + ")";
    }
}
