package dev.assay.server.index.description;

/**
 * A description ready for a page: {@code html} is sanitised and may be inserted unescaped;
 * {@code format} is how it was rendered ({@code markdown}, {@code rst} or {@code plain}).
 */
public record RenderedDescription(String html, String format) {
}
