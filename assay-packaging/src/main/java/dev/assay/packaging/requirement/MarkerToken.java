package dev.assay.packaging.requirement;

/** One lexical unit of a marker; {@code text} of a quoted string is its content without the quotes. */
record MarkerToken(Kind kind, String text, int position) {

    /** What a token is. */
    enum Kind { LEFT_PARENTHESIS, RIGHT_PARENTHESIS, QUOTED_STRING, WORD, OPERATOR, END }

    boolean is(Kind expected) {
        return kind == expected;
    }

    boolean isWord(String word) {
        return kind == Kind.WORD && text.equals(word);
    }

    /** How an error message names this token. */
    String describe() {
        return switch (kind) {
            case END -> "the end of the marker";
            case QUOTED_STRING -> "the quoted string \"" + text + "\"";
            default -> "'" + text + "'";
        };
    }
}
