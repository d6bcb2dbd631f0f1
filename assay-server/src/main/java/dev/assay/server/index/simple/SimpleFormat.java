package dev.assay.server.index.simple;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.http.MediaType;

import dev.assay.server.error.NotAcceptableException;

/**
 * The representations of the Simple Repository API (PEP 691) and the choice among them from an
 * {@code Accept} header or a {@code ?format=} parameter, as PyPI chooses: declared in PyPI's order of
 * preference, so HTML answers a client that welcomes anything ({@code curl}'s {@code *}{@code /*}) and a
 * client whose header names nothing servable.
 */
enum SimpleFormat {
    TEXT_HTML("text/html"),
    HTML_V1("application/vnd.pypi.simple.v1+html", "application/vnd.pypi.simple.latest+html"),
    JSON_V1("application/vnd.pypi.simple.v1+json", "application/vnd.pypi.simple.latest+json");

    private static final int EXACT = 2;

    private final MediaType mediaType;
    private final List<MediaType> names;

    SimpleFormat(String... names) {
        this.names = Stream.of(names).map(MediaType::parseMediaType).toList();
        MediaType declared = this.names.get(0);
        // JSON is UTF-8 by definition; HTML says so, as PyPI does
        this.mediaType = declared.getSubtype().endsWith("json") ? declared
                : new MediaType(declared, StandardCharsets.UTF_8);
    }

    /** The media type the response declares; the {@code latest} aliases answer with the actual version. */
    MediaType mediaType() {
        return mediaType;
    }

    /** A short tag for this format, used in ETags. */
    String tag() {
        return switch (this) {
            case JSON_V1 -> "json";
            case HTML_V1 -> "html";
            case TEXT_HTML -> "text";
        };
    }

    boolean isJson() {
        return this == JSON_V1;
    }

    /**
     * The format to answer with: {@code ?format=} when given (one exact media type), else the format the
     * {@code Accept} header gives the highest quality (each format rated by the most specific range that covers
     * it), ties going to the earlier declared. A missing or unparseable header, or one that accepts none of the
     * formats, gets {@code text/html}, as from PyPI (Warehouse's {@code _select_content_type}).
     */
    static SimpleFormat choose(String formatParameter, String acceptHeader) {
        if (formatParameter != null && !formatParameter.isBlank()) {
            // a '+' typed in a URL's query arrives as a space, and media types never contain spaces
            return byName(formatParameter.strip().replace(' ', '+'));
        }
        List<MediaType> accepted = parseAccept(acceptHeader);
        record Offer(SimpleFormat format, double quality) {
        }
        return Stream.of(values())
                .map(format -> format.bestRange(accepted).map(range -> new Offer(format, range.getQualityValue())))
                .flatMap(Optional::stream)
                .filter(offer -> offer.quality() > 0)
                .min(Comparator.comparingDouble(Offer::quality).reversed().thenComparing(Offer::format))
                .map(Offer::format)
                .orElse(TEXT_HTML);
    }

    private static SimpleFormat byName(String name) {
        for (SimpleFormat format : values()) {
            for (MediaType known : format.names) {
                if (known.toString().equalsIgnoreCase(name)) {
                    return format;
                }
            }
        }
        throw new NotAcceptableException("Unknown format '" + name + "': use one of " + supported());
    }

    /** The most specific range of the header that covers this format (RFC 9110, section 12.5.1). */
    private Optional<MediaType> bestRange(List<MediaType> accepted) {
        return accepted.stream()
                .filter(range -> names.stream().anyMatch(range::includes))
                .max(Comparator.comparingInt(SimpleFormat::specificity)
                        .thenComparingDouble(MediaType::getQualityValue));
    }

    private static int specificity(MediaType range) {
        if (range.isWildcardType()) {
            return 0;
        }
        return range.isWildcardSubtype() ? 1 : EXACT;
    }

    private static List<MediaType> parseAccept(String acceptHeader) {
        if (acceptHeader == null || acceptHeader.isBlank()) {
            return List.of(MediaType.ALL);
        }
        try {
            return MediaType.parseMediaTypes(acceptHeader);
        } catch (IllegalArgumentException invalid) {
            // PyPI reads a malformed header as no header; installers never send one
            return List.of(MediaType.ALL);
        }
    }

    private static String supported() {
        return Stream.of(values()).flatMap(format -> format.names.stream()).map(MediaType::toString)
                .collect(Collectors.joining(", "));
    }
}
