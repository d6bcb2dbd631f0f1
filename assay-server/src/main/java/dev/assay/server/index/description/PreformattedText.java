package dev.assay.server.index.description;

/** Shows text as it was written: HTML-escaped inside {@code <pre class="description-text">}. */
final class PreformattedText {

    /** The escaped, wrapped text. */
    String render(String text) {
        StringBuilder html = new StringBuilder(text.length() + 64);
        html.append("<pre class=\"description-text\">");
        escapeInto(text, html);
        return html.append("</pre>").toString();
    }

    /** Appends {@code text} to {@code html} with the characters that HTML gives meaning to escaped. */
    static void escapeInto(String text, StringBuilder html) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> html.append("&amp;");
                case '<' -> html.append("&lt;");
                case '>' -> html.append("&gt;");
                case '"' -> html.append("&quot;");
                case '\'' -> html.append("&#39;");
                // NUL is a parse error in HTML and useless in a description
                case '\0' -> html.append('\uFFFD');
                default -> html.append(c);
            }
        }
    }
}
