package dev.assay.server.index.simple;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

import dev.assay.server.error.InvalidInputException;
import dev.assay.server.error.NotAcceptableException;

/**
 * The representations of the Simple Repository API (PEP 691) and the choice among them from an
 * {@code Accept} header or a {@code ?format=} parameter. Declared in the server's order of preference:
 * JSON when it is as welcome as HTML, {@code text/html} only as a last resort, as the spec recommends.
 */
enum SimpleFormat {
    JSON_V1("application/vnd.pypi.simple.v1+json", "application/vnd.pypi.simple.latest+json"),
    HTML_V1("application/vnd.pypi.simple.v1+html", "application/vnd.pypi.simple.latest+html"),
    TEXT_HTML("text/html");

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
     * The format to answer with: {@code ?format=} when given (one exact media type), else the best of the
     * {@code Accept} header by quality, then specificity, then the server's preference. No header counts as
     * {@code *}{@code /*}.
     */
    static SimpleFormat choose(String formatParameter, String acceptHeader) {
        if (formatParameter != null && !formatParameter.isBlank()) {
            // a '+' typed in a URL's query arrives as a space, and media types never contain spaces
            return byName(formatParameter.strip().replace(' ', '+'));
        }
        List<MediaType> accepted = parseAccept(acceptHeader);
        record Offer(SimpleFormat format, double quality, int specificity) {
        }
        return Stream.of(values())
                .map(format -> format.bestRange(accepted)
                        .map(range -> new Offer(format, range.getQualityValue(), specificity(range))))
                .flatMap(Optional::stream)
                .filter(offer -> offer.quality() > 0)
                .min(Comparator.comparingDouble(Offer::quality).reversed()
                        .thenComparing(Comparator.comparingInt(Offer::specificity).reversed())
                        .thenComparing(Offer::format))
                .map(Offer::format)
                .orElseThrow(() -> new NotAcceptableException("None of the media types in the Accept header '"
                        + acceptHeader + "' can be served here; accept one of " + supported()));
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
        } catch (InvalidMediaTypeException invalid) {
            throw new InvalidInputException("The Accept header '" + acceptHeader + "' is not a list of media types: "
                    + invalid.getMessage());
        }
    }

    private static String supported() {
        return Stream.of(values()).flatMap(format -> format.names.stream()).map(MediaType::toString)
                .collect(Collectors.joining(", "));
    }
}
