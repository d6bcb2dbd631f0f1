package dev.assay.packaging.metadata;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/** Checks that a URL field holds an absolute http(s) URL with a host, as PyPI requires. */
final class WebAddress {
    private WebAddress() {
    }

    /** What is wrong with {@code url}, or empty when it is an absolute http or https URL. */
    static Optional<String> problemWith(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("'" + url + "' is not a valid URL (" + e.getReason() + " at index " + e.getIndex()
                    + "); give an absolute http:// or https:// URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("'" + url + "' is not an http or https URL; give an absolute http:// or https:// URL");
        }
        if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
            return Optional.of("'" + url + "' has no host; give an absolute URL such as https://example.com/");
        }
        return Optional.empty();
    }
}
