package dev.assay.packaging.requirement;

import dev.assay.packaging.name.ProjectName;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Parser for the PEP 508 requirement grammar:
 * {@code name [extras] (versionspec | "@" url) ("; " marker)}; the specifier comes back as text,
 * clause by clause, for the version module to interpret.
 */
final class RequirementParser {

    private static final String OPERATOR_CHARACTERS = "<>=!~";
    private static final List<String> OPERATORS = List.of("===", "==", "!=", "<=", ">=", "~=", "<", ">");

    private final String source;
    private int position;

    private RequirementParser(String source) {
        this.source = source;
    }

    static ParsedRequirement parse(String source) {
        if (source == null) {
            throw new InvalidRequirementException("requirement is missing (null)");
        }
        return new RequirementParser(source).run();
    }

    private ParsedRequirement run() {
        rejectControlCharacters();
        skipWhitespace();
        ProjectName name = readName();
        skipWhitespace();
        SortedSet<String> extras = readExtras();
        skipWhitespace();
        if (at('@')) {
            return readUrlForm(name, extras);
        }
        int specifierStart = position;
        String specifier = readSpecifier();
        skipWhitespace();
        String after = position == specifierStart ? "after the name (a version specifier starts with an operator"
                + " such as >=)" : "after the version specifier (separate clauses with ',')";
        return new ParsedRequirement(name, extras, specifier, null, readOptionalMarker(after));
    }

    private ProjectName readName() {
        int start = position;
        String name = readIdentifier();
        if (name.isEmpty()) {
            throw error(start, "expected a project name at the start, found " + found());
        }
        if (!ProjectName.isValid(name)) {
            throw error(start, "invalid project name '" + name + "': it must start and end with an ASCII letter or digit");
        }
        return ProjectName.of(name);
    }

    private SortedSet<String> readExtras() {
        SortedSet<String> extras = new TreeSet<>();
        if (!at('[')) {
            return Collections.unmodifiableSortedSet(extras);
        }
        int open = position++;
        skipWhitespace();
        if (at(']')) {
            position++;
            return Collections.unmodifiableSortedSet(extras);
        }
        while (true) {
            extras.add(readExtra());
            skipWhitespace();
            if (at(']')) {
                position++;
                return Collections.unmodifiableSortedSet(extras);
            }
            if (!at(',')) {
                throw error(position, isIdentifierCharacter() ? "expected ',' between extra names"
                        : "expected ']' to close the extras opened at column " + (open + 1) + ", found " + found());
            }
            position++;
            skipWhitespace();
        }
    }

    private String readExtra() {
        int start = position;
        String extra = readIdentifier();
        if (extra.isEmpty()) {
            throw error(start, "expected an extra name, found " + found());
        }
        if (!ProjectName.isValid(extra)) {
            throw error(start, "invalid extra name '" + extra + "': it must start and end with an ASCII letter or digit");
        }
        return ProjectName.normalize(extra);
    }

    private String readSpecifier() {
        if (!at('(')) {
            return readVersionClauses();
        }
        int open = position++;
        skipWhitespace();
        String specifier = readVersionClauses();
        skipWhitespace();
        if (!at(')')) {
            throw error(position, "expected ')' to close the version specifier opened at column " + (open + 1)
                    + ", found " + found());
        }
        position++;
        return specifier;
    }

    private String readVersionClauses() {
        List<String> clauses = new ArrayList<>();
        while (position < source.length() && OPERATOR_CHARACTERS.indexOf(source.charAt(position)) >= 0) {
            String operator = readOperator();
            skipWhitespace();
            String version = readWhile(c -> c != ' ' && c != '\t' && ",;()".indexOf(c) < 0);
            if (version.isEmpty()) {
                throw error(position, "expected a version after '" + operator + "', found " + found());
            }
            clauses.add(operator + version);
            skipWhitespace();
            if (!at(',')) {
                break;
            }
            position++;
            skipWhitespace();
        }
        return String.join(",", clauses);
    }

    private String readOperator() {
        for (String operator : OPERATORS) {
            if (source.startsWith(operator, position)) {
                position += operator.length();
                return operator;
            }
        }
        throw error(position, "expected a version operator, one of " + String.join(", ", OPERATORS));
    }

    private ParsedRequirement readUrlForm(ProjectName name, SortedSet<String> extras) {
        position++;
        skipWhitespace();
        int start = position;
        String url = readWhile(c -> c != ' ' && c != '\t');
        if (url.isEmpty()) {
            throw error(start, "expected a URL after '@'");
        }
        DirectUrlRule.check(url, problem -> error(start, problem));
        skipWhitespace();
        // A ';' glued to the URL belongs to the URL, so the marker needs whitespace before it.
        String after = "after the URL (put whitespace between the URL and ';')";
        return new ParsedRequirement(name, extras, "", url, readOptionalMarker(after));
    }

    private Marker readOptionalMarker(String after) {
        if (position == source.length()) {
            return null;
        }
        if (!at(';')) {
            throw error(position, "expected ';' or the end of the requirement " + after + ", found " + found());
        }
        try {
            return Marker.parse(source.substring(position + 1));
        } catch (InvalidMarkerException e) {
            throw new InvalidRequirementException("invalid requirement '" + source + "': " + e.getMessage(), e);
        }
    }

    private void rejectControlCharacters() {
        for (int i = 0; i < source.length(); i++) {
            char c = source.charAt(i);
            if (Character.isISOControl(c) && c != '\t') {
                throw error(i, "control character " + MarkerSyntax.describe(c) + " (a requirement is one line)");
            }
        }
    }

    private String readIdentifier() {
        return readWhile(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '.' || c == '_' || c == '-');
    }

    private boolean isIdentifierCharacter() {
        int before = position;
        boolean identifier = !readIdentifier().isEmpty();
        position = before;
        return identifier;
    }

    private String readWhile(CharacterTest test) {
        int start = position;
        while (position < source.length() && test.accepts(source.charAt(position))) {
            position++;
        }
        return source.substring(start, position);
    }

    private void skipWhitespace() {
        readWhile(c -> c == ' ' || c == '\t');
    }

    private boolean at(char expected) {
        return position < source.length() && source.charAt(position) == expected;
    }

    private String found() {
        return position == source.length() ? "the end" : MarkerSyntax.describe(source.charAt(position));
    }

    private InvalidRequirementException error(int at, String problem) {
        return new InvalidRequirementException("invalid requirement '" + source + "': " + problem + " at column " + (at + 1));
    }

    /** A test on one character, without boxing. */
    @FunctionalInterface
    private interface CharacterTest {
        boolean accepts(char c);
    }
}
