package dev.assay.packaging.version;

import java.util.List;
import java.util.Map;

/** Reads one specifier clause and rejects every operator/version combination PEP 440 forbids. */
final class SpecifierParser {
    private static final String WILDCARD = ".*";
    // two-character typos come first so that "=>" is not reported as a misspelt "=="
    private static final List<Map.Entry<String, String>> TYPOS = List.of(
            Map.entry("=>", ">="), Map.entry("=<", "<="), Map.entry("=!", "!="), Map.entry("~>", "~="),
            Map.entry("=~", "~="), Map.entry("=", "=="), Map.entry("~", "~="), Map.entry("!", "!="));

    private SpecifierParser() {
    }

    static Specifier parse(String text) {
        if (text == null) {
            throw new InvalidSpecifierException("Invalid specifier: null; write one like >=1.0, ==2.1.* or ~=3.2");
        }
        String clause = VersionParser.strip(text);
        Operator operator = Operator.leading(clause)
                .orElseThrow(() -> invalid(text, missingOperator(clause)));
        String version = VersionParser.strip(clause.substring(operator.symbol().length()));
        if (version.isEmpty()) {
            throw invalid(text, "the operator " + operator.symbol() + " has no version after it");
        }
        if (version.chars().anyMatch(c -> VersionParser.isSpace((char) c))) {
            throw invalid(text, "the version contains whitespace");
        }
        if (operator == Operator.ARBITRARY_EQUAL) {
            return arbitrary(text, version);
        }
        if (version.endsWith(WILDCARD)) {
            return wildcard(text, operator, version.substring(0, version.length() - WILDCARD.length()));
        }
        if (version.contains("*")) {
            throw invalid(text, "a wildcard must be the final '.*' of the version, as in ==1.0.*");
        }
        return ordinary(text, operator, version);
    }

    private static Specifier arbitrary(String text, String version) {
        if (version.contains(";") || version.contains(")")) {
            throw invalid(text, "an arbitrary version must not contain ';' or ')'");
        }
        return new Specifier(Operator.ARBITRARY_EQUAL, version, Version.tryParse(version).orElse(null), false);
    }

    private static Specifier wildcard(String text, Operator operator, String prefixText) {
        if (!operator.allowsWildcard()) {
            throw invalid(text, "the wildcard .* is only allowed with == and !=, not with " + operator.symbol());
        }
        Version prefix = version(text, prefixText);
        if (prefix.isPrerelease() || prefix.isPostrelease() || prefix.isLocal()) {
            throw invalid(text, "a wildcard may only follow release numbers (like ==1.2.*), not a pre-, post-, "
                    + "dev- or local part");
        }
        return new Specifier(operator, prefix + WILDCARD, prefix, true);
    }

    private static Specifier ordinary(String text, Operator operator, String versionText) {
        Version version = version(text, versionText);
        if (version.isLocal() && !operator.allowsLocal()) {
            throw invalid(text, "a local version (+" + version.local().orElseThrow() + ") is only allowed with "
                    + "== and !=, not with " + operator.symbol());
        }
        if (operator == Operator.COMPATIBLE && version.release().size() < 2) {
            throw invalid(text, "~= needs at least two release numbers, e.g. ~=" + version.major() + ".0");
        }
        return new Specifier(operator, version.toString(), version, false);
    }

    private static Version version(String text, String versionText) {
        try {
            return Version.parse(versionText);
        } catch (VersionTooLongException e) {
            throw new InvalidSpecifierException("Invalid specifier '" + VersionParser.abbreviate(text)
                    + "': the version is too long: " + e.getMessage(), e);
        } catch (InvalidVersionException e) {
            throw new InvalidSpecifierException(
                    "Invalid specifier '" + VersionParser.abbreviate(text) + "': '"
                            + VersionParser.abbreviate(versionText) + "' is not a valid PEP 440 version", e);
        }
    }

    private static String missingOperator(String clause) {
        for (Map.Entry<String, String> typo : TYPOS) {
            if (clause.startsWith(typo.getKey()) && !clause.startsWith(typo.getValue())) {
                return "unknown operator '" + typo.getKey() + "', did you mean " + typo.getValue() + "?";
            }
        }
        return "it must start with one of ~=, ==, !=, <=, >=, <, > or ===";
    }

    private static InvalidSpecifierException invalid(String text, String problem) {
        return new InvalidSpecifierException("Invalid specifier '" + VersionParser.abbreviate(text) + "': " + problem);
    }
}
