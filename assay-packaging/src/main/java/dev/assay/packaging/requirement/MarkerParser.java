package dev.assay.packaging.requirement;

import dev.assay.packaging.requirement.MarkerToken.Kind;
import java.util.ArrayList;
import java.util.List;

/**
 * Recursive-descent parser for the PEP 508 marker grammar:
 * {@code marker = and ("or" and)*; and = atom ("and" atom)*; atom = "(" marker ")" | operand op operand}.
 */
final class MarkerParser {

    // Deep enough for any real marker, shallow enough that hostile input cannot exhaust the stack.
    private static final int MAX_NESTING = 64;

    private final String source;
    private final List<MarkerToken> tokens;
    private int index;
    private int depth;

    private MarkerParser(String source, List<MarkerToken> tokens) {
        this.source = source;
        this.tokens = tokens;
    }

    static Marker parse(String source) {
        if (source == null) {
            throw new InvalidMarkerException("environment marker is missing (null)");
        }
        MarkerParser parser = new MarkerParser(source, MarkerTokenizer.tokenize(source));
        Marker marker = parser.parseOr();
        parser.expect(Kind.END, "expected 'and', 'or' or the end of the marker");
        return marker;
    }

    private Marker parseOr() {
        List<Marker> operands = new ArrayList<>(List.of(parseAnd()));
        while (peek().isWord("or")) {
            index++;
            operands.add(parseAnd());
        }
        return Marker.anyOf(operands);
    }

    private Marker parseAnd() {
        List<Marker> operands = new ArrayList<>(List.of(parseAtom()));
        while (peek().isWord("and")) {
            index++;
            operands.add(parseAtom());
        }
        return Marker.allOf(operands);
    }

    private Marker parseAtom() {
        if (!peek().is(Kind.LEFT_PARENTHESIS)) {
            return parseComparison();
        }
        MarkerToken open = next();
        if (++depth > MAX_NESTING) {
            throw MarkerSyntax.error(source, open.position(), "parentheses nested deeper than " + MAX_NESTING);
        }
        Marker inner = parseOr();
        expect(Kind.RIGHT_PARENTHESIS, "expected ')' to close the '(' at column " + (open.position() + 1)
                + " (or 'and', 'or' to continue)");
        depth--;
        return inner;
    }

    private Marker parseComparison() {
        MarkerOperand left = parseOperand();
        MarkerOperator operator = parseOperator();
        MarkerOperand right = parseOperand();
        return new Marker.Comparison(left, operator, right);
    }

    private MarkerOperand parseOperand() {
        MarkerToken token = next();
        if (token.is(Kind.QUOTED_STRING)) {
            return new MarkerOperand.Literal(token.text());
        }
        if (token.is(Kind.WORD)) {
            return MarkerVariable.bySpelling(token.text())
                    .<MarkerOperand>map(MarkerOperand.Variable::new)
                    .orElseThrow(() -> MarkerSyntax.error(source, token.position(), "unknown marker variable '"
                            + token.text() + "'; expected one of " + MarkerVariable.allMarkerNames()
                            + " or a quoted string"));
        }
        throw MarkerSyntax.error(source, token.position(), "expected a marker variable or a quoted string, found "
                + token.describe());
    }

    private MarkerOperator parseOperator() {
        MarkerToken token = next();
        if (token.is(Kind.OPERATOR)) {
            return MarkerOperator.bySymbol(token.text()).orElseThrow();
        }
        if (token.isWord("in")) {
            return MarkerOperator.IN;
        }
        if (token.isWord("not")) {
            MarkerToken in = next();
            if (!in.isWord("in")) {
                throw MarkerSyntax.error(source, in.position(), "expected 'in' after 'not', found " + in.describe());
            }
            return MarkerOperator.NOT_IN;
        }
        throw MarkerSyntax.error(source, token.position(), "expected a marker operator, one of "
                + MarkerOperator.allSymbols() + ", found " + token.describe());
    }

    private void expect(Kind kind, String problem) {
        MarkerToken token = peek();
        if (!token.is(kind)) {
            throw MarkerSyntax.error(source, token.position(), problem + ", found " + token.describe());
        }
        index++;
    }

    private MarkerToken peek() {
        return tokens.get(index);
    }

    // END is the last token and is never consumed by next(), so index stays in range.
    private MarkerToken next() {
        MarkerToken token = tokens.get(index);
        if (!token.is(Kind.END)) {
            index++;
        }
        return token;
    }
}
