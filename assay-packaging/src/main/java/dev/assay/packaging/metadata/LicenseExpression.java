package dev.assay.packaging.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A syntactically valid SPDX license expression (PEP 639 {@code License-Expression}): license ids, {@code +},
 * {@code LicenseRef-} ids, {@code WITH} exceptions, {@code AND}, {@code OR} and parentheses. Ids are not checked
 * against the SPDX list. {@link #text()} is the expression with operators upper-cased and spacing normalised.
 */
public record LicenseExpression(String text) {
    private static final Pattern LICENSE_ID = Pattern.compile("[A-Za-z0-9.-]+\\+?");
    private static final Pattern LICENSE_REF = Pattern.compile("(?i:LicenseRef-)([A-Za-z0-9.-]+)");
    private static final Pattern EXCEPTION_ID = Pattern.compile("[A-Za-z0-9.-]+");
    private static final Pattern TOKEN = Pattern.compile("\\(|\\)|[^\\s()]+");
    private static final int MAX_NESTING = 64;

    /** Validates and normalises {@code text}; prefer {@link #parse(String)}. */
    public LicenseExpression {
        text = new Parser(text).expression();
    }

    /**
     * Parses an SPDX license expression such as {@code MIT OR (Apache-2.0 WITH LLVM-exception)}.
     *
     * @throws InvalidLicenseExpressionException saying what is wrong and where
     */
    public static LicenseExpression parse(String text) {
        return new LicenseExpression(text);
    }

    @Override
    public String toString() {
        return text;
    }

    /** Recursive descent over the tokens: OR binds loosest, then AND, then WITH. */
    private static final class Parser {
        private final String source;
        private final List<String> tokens = new ArrayList<>();
        private int position;
        private int depth;

        private Parser(String source) {
            if (source == null || source.isBlank()) {
                throw new InvalidLicenseExpressionException("the license expression is empty; give SPDX license "
                        + "ids joined by AND / OR, e.g. 'MIT OR Apache-2.0'");
            }
            this.source = source;
            TOKEN.matcher(source).results().forEach(match -> tokens.add(match.group()));
        }

        private String expression() {
            String result = or();
            if (position < tokens.size()) {
                String token = tokens.get(position);
                throw error("unexpected '" + token + "'"
                        + (token.equals(")") ? " without a matching '('" : "; join terms with AND or OR"));
            }
            return result;
        }

        private String or() {
            StringBuilder result = new StringBuilder(and());
            while (nextIs("OR")) {
                position++;
                result.append(" OR ").append(and());
            }
            return result.toString();
        }

        private String and() {
            StringBuilder result = new StringBuilder(with());
            while (nextIs("AND")) {
                position++;
                result.append(" AND ").append(with());
            }
            return result.toString();
        }

        private String with() {
            if (nextIs("(")) {
                return parenthesised();
            }
            String license = licenseId();
            if (!nextIs("WITH")) {
                return license;
            }
            position++;
            String exception = take("an exception id after WITH");
            if (isOperator(exception) || !EXCEPTION_ID.matcher(exception).matches()) {
                throw error("'" + exception + "' is not a license exception id; WITH must be followed by an "
                        + "exception such as 'Classpath-exception-2.0'");
            }
            return license + " WITH " + exception;
        }

        private String parenthesised() {
            position++;
            if (++depth > MAX_NESTING) {
                throw error("parentheses are nested more than " + MAX_NESTING + " deep");
            }
            String inner = or();
            if (!nextIs(")")) {
                throw error("'(' is never closed; add the missing ')'");
            }
            position++;
            depth--;
            return "(" + inner + ")";
        }

        private String licenseId() {
            String token = take("a license id");
            var reference = LICENSE_REF.matcher(token);
            if (reference.matches()) {
                return "LicenseRef-" + reference.group(1);
            }
            if (token.regionMatches(true, 0, "LicenseRef-", 0, "LicenseRef-".length())) {
                throw error("'" + token + "' needs an id after 'LicenseRef-' made of letters, digits, '.' and '-'");
            }
            if (isOperator(token) || token.equals("(") || token.equals(")") || !LICENSE_ID.matcher(token).matches()) {
                throw error("expected a license id but found '" + token + "'; ids contain only letters, digits, "
                        + "'.' and '-' (optionally ending in '+'), or start with 'LicenseRef-'");
            }
            return token;
        }

        private String take(String expected) {
            if (position >= tokens.size()) {
                throw error("expected " + expected + " but the expression ends");
            }
            return tokens.get(position++);
        }

        private boolean nextIs(String token) {
            return position < tokens.size() && tokens.get(position).equalsIgnoreCase(token);
        }

        private static boolean isOperator(String token) {
            String upper = token.toUpperCase(Locale.ROOT);
            return upper.equals("AND") || upper.equals("OR") || upper.equals("WITH");
        }

        private InvalidLicenseExpressionException error(String what) {
            return new InvalidLicenseExpressionException("'" + source + "' is not a valid SPDX license expression: "
                    + what);
        }
    }
}
