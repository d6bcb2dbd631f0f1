package dev.assay.server.upstream.rules;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A rule on which names may come from upstream: {@code pattern} is a normalized project name in which {@code *}
 * stands for any run of characters; {@code deny} reserves the names it matches, {@code allow} admits them.
 */
public record NameRule(long id, String pattern, Action action, Optional<String> reason, Optional<String> createdBy,
        Instant createdAt) {

    /** What a rule does to the names it matches. */
    public enum Action {
        ALLOW, DENY;

        /** The word stored and shown: {@code allow} or {@code deny}. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether the rule's pattern matches a normalized name. */
    public boolean matches(String normalizedName) {
        return matches(pattern, normalizedName);
    }

    /** Whether {@code pattern} ({@code *} for any run of characters) matches the whole of {@code normalizedName}. */
    public static boolean matches(String pattern, String normalizedName) {
        StringBuilder regex = new StringBuilder();
        for (String literal : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(literal));
        }
        return normalizedName.matches(regex.toString());
    }
}
