package dev.assay.packaging.metadata;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks {@code Author-email} / {@code Maintainer-email}: a comma-separated list of RFC 5322 addresses, each
 * {@code user@example.com} or {@code Display Name <user@example.com>}, with a domain that has a dot, as PyPI's
 * email validation demands.
 */
final class EmailAddresses {
    private static final Pattern LOCAL_PART = Pattern.compile(
            "[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+(\\.[\\p{L}\\p{N}!#$%&'*+/=?^_`{|}~-]+)*|\"([^\"\\\\]|\\\\.)*\"");
    private static final Pattern DOMAIN_LABEL = Pattern.compile("[\\p{L}\\p{N}]([\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?");
    private static final Pattern TRAILING_COMMENT = Pattern.compile("\\s*\\([^()]*\\)$");

    private EmailAddresses() {
    }

    /** What is wrong with the address list {@code value}, or empty when every address is valid. */
    static Optional<String> problemWith(String value) {
        List<String> entries = split(value);
        if (entries == null) {
            return Optional.of("'" + value + "' has an unclosed quote, '<' or '('; write addresses as "
                    + "'user@example.com' or '\"Display Name\" <user@example.com>', separated by commas");
        }
        for (String entry : entries) {
            Optional<String> problem = entryProblem(entry.strip());
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> entryProblem(String entry) {
        if (entry.isEmpty()) {
            return Optional.of("the address list has an empty entry; remove the extra comma");
        }
        String address = entry;
        if (entry.endsWith(">")) {
            int open = entry.lastIndexOf('<');
            if (open < 0) {
                return Optional.of("'" + entry + "' ends with '>' but has no '<'");
            }
            address = entry.substring(open + 1, entry.length() - 1).strip();
        } else {
            address = TRAILING_COMMENT.matcher(entry).replaceFirst("");
        }
        return addressProblem(address, entry);
    }

    private static Optional<String> addressProblem(String address, String entry) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || at == address.length() - 1) {
            return Optional.of("'" + entry + "' is not an email address; write 'user@example.com' or "
                    + "'Display Name <user@example.com>'");
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1);
        if (local.length() > 64 || !LOCAL_PART.matcher(local).matches()) {
            return Optional.of("'" + address + "' has an invalid part before the '@'");
        }
        return domainProblem(domain, address);
    }

    private static Optional<String> domainProblem(String domain, String address) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.of("'" + address + "' has no dot in its domain; give a full domain such as example.com");
        }
        for (String label : labels) {
            if (!DOMAIN_LABEL.matcher(label).matches()) {
                return Optional.of("'" + address + "' has an invalid domain '" + domain + "'");
            }
        }
        if (labels[labels.length - 1].chars().allMatch(Character::isDigit)) {
            return Optional.of("'" + address + "' has a numeric top-level domain; give a domain name");
        }
        return Optional.empty();
    }

    /** The entries between top-level commas, or null when a quote, angle bracket or parenthesis is unclosed. */
    private static List<String> split(String value) {
        List<String> entries = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        int angle = 0;
        int comment = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (quoted && c == '\\' && i + 1 < value.length()) {
                current.append(c).append(value.charAt(++i));
                continue;
            }
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                angle += c == '<' ? 1 : c == '>' ? -1 : 0;
                comment += c == '(' ? 1 : c == ')' ? -1 : 0;
                if (c == ',' && angle == 0 && comment == 0) {
                    entries.add(current.toString());
                    current.setLength(0);
                    continue;
                }
            }
            current.append(c);
        }
        entries.add(current.toString());
        return quoted || angle != 0 || comment != 0 ? null : entries;
    }
}
