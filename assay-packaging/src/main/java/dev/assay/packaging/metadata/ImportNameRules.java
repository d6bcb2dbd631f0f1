package dev.assay.packaging.metadata;

import java.util.List;
import java.util.Set;

/**
 * Checks Import-Name and Import-Namespace (PEP 794) as pypa/packaging does: dotted Python identifiers, none a
 * keyword, optionally followed by {@code ; private}. A single empty Import-Name says the distribution provides no
 * importable names.
 */
final class ImportNameRules {
    private static final Set<String> KEYWORDS = Set.of("False", "None", "True", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
            "try", "while", "with", "yield");

    private ImportNameRules() {
    }

    static void check(CoreMetadata metadata, Problems problems) {
        if (!metadata.importNames().equals(List.of(""))) {
            metadata.importNames().forEach(name -> checkName(MetadataField.IMPORT_NAME, name, problems));
        }
        metadata.importNamespaces().forEach(name -> checkName(MetadataField.IMPORT_NAMESPACE, name, problems));
    }

    private static void checkName(MetadataField field, String value, Problems problems) {
        int semicolon = value.indexOf(';');
        String name = (semicolon < 0 ? value : value.substring(0, semicolon)).stripTrailing();
        for (String identifier : name.split("\\.", -1)) {
            if (!isIdentifier(identifier)) {
                problems.add(field, "'" + name + "': '" + identifier + "' is not a valid Python identifier; give a "
                        + "dotted import name such as 'package.module'");
                return;
            }
            if (KEYWORDS.contains(identifier)) {
                problems.add(field, "'" + name + "': '" + identifier + "' is a Python keyword");
                return;
            }
        }
        if (semicolon >= 0 && !value.substring(semicolon + 1).strip().equals("private")) {
            problems.add(field, "'" + value + "': the only option after ';' is 'private'");
        }
    }

    /** Python's {@code str.isidentifier()}: a letter or underscore, then letters, digits or underscores. */
    private static boolean isIdentifier(String text) {
        if (text.isEmpty()) {
            return false;
        }
        int first = text.codePointAt(0);
        if (first != '_' && !Character.isUnicodeIdentifierStart(first)) {
            return false;
        }
        return text.codePoints().skip(1).allMatch(c -> Character.isUnicodeIdentifierPart(c)
                && !Character.isIdentifierIgnorable(c));
    }
}
