package dev.assay.server.index.description;

import java.util.Locale;

/** How a description is rendered, chosen from its {@code Description-Content-Type}. */
public enum DescriptionFormat {
    /** {@code text/markdown}, GitHub Flavored (the default variant). */
    GFM("markdown"),
    /** {@code text/markdown; variant=CommonMark}: strict CommonMark, no extensions. */
    COMMONMARK("markdown"),
    /** {@code text/x-rst}, and a missing content type, as the core metadata spec says. */
    RST("rst"),
    /** {@code text/plain}, and every content type we do not know. */
    PLAIN("plain");

    private final String label;

    DescriptionFormat(String label) {
        this.label = label;
    }

    /** The short name reported in {@link RenderedDescription#format()}. */
    public String label() {
        return label;
    }

    /** The format for a {@code Description-Content-Type} value, which may be null or malformed. */
    public static DescriptionFormat of(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            return RST;
        }
        // a limit of -1 keeps empty parts, so ";" still has a (blank) type at index 0
        String[] parts = contentType.split(";", -1);
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case "text/markdown" -> isCommonMarkVariant(parts) ? COMMONMARK : GFM;
            case "text/x-rst" -> RST;
            default -> PLAIN;
        };
    }

    private static boolean isCommonMarkVariant(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].split("=", 2);
            if (pair.length == 2 && pair[0].strip().equalsIgnoreCase("variant")) {
                return unquote(pair[1].strip()).equalsIgnoreCase("CommonMark");
            }
        }
        return false;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
