package dev.assay.packaging.metadata;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Checks {@code Description-Content-Type}: a media type PyPI can render, UTF-8, and a known Markdown variant. */
final class DescriptionContentType {
    private static final Set<String> TYPES = Set.of("text/plain", "text/x-rst", "text/markdown");
    private static final Set<String> VARIANTS = Set.of("GFM", "CommonMark");

    private DescriptionContentType() {
    }

    /** What is wrong with {@code value}, or empty when it is acceptable. */
    static Optional<String> problemWith(String value) {
        String[] parts = value.split(";", -1);
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!TYPES.contains(type)) {
            return Optional.of("'" + value + "' is not a supported content type; use text/plain, text/x-rst or "
                    + "text/markdown, optionally with '; charset=UTF-8' and, for Markdown, '; variant=GFM' or "
                    + "'; variant=CommonMark'");
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            int equals = parameter.indexOf('=');
            if (equals <= 0) {
                return Optional.of("'" + parameter + "' in '" + value + "' is not a 'name=value' parameter");
            }
            parameters.put(parameter.substring(0, equals).strip().toLowerCase(Locale.ROOT),
                    unquote(parameter.substring(equals + 1).strip()));
        }
        return parameterProblem(type, parameters);
    }

    private static Optional<String> parameterProblem(String type, Map<String, String> parameters) {
        String charset = parameters.getOrDefault("charset", "UTF-8");
        if (!charset.equals("UTF-8")) {
            return Optional.of("the charset must be 'UTF-8' (spelled so), not '" + charset + "'");
        }
        String variant = parameters.getOrDefault("variant", "GFM");
        if (type.equals("text/markdown") && !VARIANTS.contains(variant)) {
            return Optional.of("the Markdown variant must be 'GFM' or 'CommonMark' (spelled so), not '"
                    + variant + "'");
        }
        return Optional.empty();
    }

    private static String unquote(String value) {
        return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1)
                : value;
    }
}
