package dev.assay.packaging.requirement;

import dev.assay.packaging.requirement.MarkerToken.Kind;
import java.util.ArrayList;
import java.util.List;

/** Splits a marker into tokens; whitespace (space and tab only, as PEP 508 says) separates them and is dropped. */
final class MarkerTokenizer {

    private static final List<String> OPERATORS = List.of("===", "==", "!=", "<=", ">=", "~=", "<", ">");
    private static final String OPERATOR_CHARACTERS = "=!<>~";

    private final String source;
    private final List<MarkerToken> tokens = new ArrayList<>();
    private int position;

    private MarkerTokenizer(String source) {
        this.source = source;
    }

    static List<MarkerToken> tokenize(String source) {
        MarkerTokenizer tokenizer = new MarkerTokenizer(source);
        tokenizer.run();
        return List.copyOf(tokenizer.tokens);
    }

    private void run() {
        while (true) {
            skipWhitespace();
            if (position == source.length()) {
                tokens.add(new MarkerToken(Kind.END, "", position));
                return;
            }
            readToken(source.charAt(position));
        }
    }

    private void readToken(char first) {
        if (first == '(') {
            single(Kind.LEFT_PARENTHESIS);
        } else if (first == ')') {
            single(Kind.RIGHT_PARENTHESIS);
        } else if (first == '"' || first == '\'') {
            readQuotedString(first);
        } else if (OPERATOR_CHARACTERS.indexOf(first) >= 0) {
            readOperator();
        } else if (isWordCharacter(first)) {
            readWord();
        } else {
            throw MarkerSyntax.error(source, position, "unexpected character " + MarkerSyntax.describe(first));
        }
    }

    private void single(Kind kind) {
        tokens.add(new MarkerToken(kind, source.substring(position, position + 1), position));
        position++;
    }

    private void readQuotedString(char quote) {
        int start = position;
        int end = source.indexOf(quote, start + 1);
        if (end < 0) {
            throw MarkerSyntax.error(source, start, "quoted string is not closed; add the closing " + quote);
        }
        for (int i = start + 1; i < end; i++) {
            checkStringCharacter(source.charAt(i), i);
        }
        tokens.add(new MarkerToken(Kind.QUOTED_STRING, source.substring(start + 1, end), start));
        position = end + 1;
    }

    private void checkStringCharacter(char c, int at) {
        if (c == '\\') {
            throw MarkerSyntax.error(source, at, "backslash escapes are not allowed in marker strings");
        }
        if (Character.isISOControl(c)) {
            throw MarkerSyntax.error(source, at, "control character " + MarkerSyntax.describe(c) + " in a quoted string");
        }
    }

    private void readOperator() {
        for (String operator : OPERATORS) {
            if (source.startsWith(operator, position)) {
                tokens.add(new MarkerToken(Kind.OPERATOR, operator, position));
                position += operator.length();
                return;
            }
        }
        throw MarkerSyntax.error(source, position, "expected a marker operator, one of " + MarkerOperator.allSymbols());
    }

    private void readWord() {
        int start = position;
        while (position < source.length() && isWordCharacter(source.charAt(position))) {
            position++;
        }
        tokens.add(new MarkerToken(Kind.WORD, source.substring(start, position), start));
    }

    private void skipWhitespace() {
        while (position < source.length() && (source.charAt(position) == ' ' || source.charAt(position) == '\t')) {
            position++;
        }
    }

    // Dots belong to words so that the legacy spellings such as os.name stay one token.
    private static boolean isWordCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.';
    }
}
