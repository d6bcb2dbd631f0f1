package dev.assay.server.upstream.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import dev.assay.server.error.InvalidInputException;

/**
 * An upstream's address as an administrator or the start-up configuration gives it: an http(s) URL with a host,
 * normalised to end in {@code /}, and the credentials its user info held ({@code https://user:secret@host/simple/}),
 * taken out of the URL so that the URL can be shown and logged. {@link #toString()} never shows the password.
 */
public record UpstreamUrl(String url, UpstreamCredentials credentials) {

    /** The longest URL the table holds. */
    public static final int MAX_LENGTH = 1000;

    /** Reads a URL, or says what is wrong with it (the message never repeats a password). */
    public static UpstreamUrl parse(String given) {
        if (given == null || given.isBlank()) {
            throw new InvalidInputException("Missing upstream URL: give the Simple Repository API root, e.g. "
                    + "https://pypi.org/simple/");
        }
        URI uri;
        try {
            uri = new URI(given.strip());
        } catch (URISyntaxException malformed) {
            throw invalid(given, "it is not a URL (" + malformed.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(given, "only http:// and https:// upstreams are supported");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid(given, "it names no host");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw invalid(given, "an upstream URL has no query (?…) or fragment (#…)");
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String url = scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + (path.endsWith("/") ? path : path + "/");
        if (url.length() > MAX_LENGTH) {
            throw invalid(given, "it is longer than " + MAX_LENGTH + " characters");
        }
        return withCredentials(url, uri.getRawUserInfo());
    }

    /** The URL with credentials given apart (an administrator's form), which must not also be in the URL. */
    public static UpstreamUrl parse(String given, String username, String password) {
        UpstreamUrl parsed = parse(given);
        boolean apart = username != null && !username.isEmpty() || password != null && !password.isEmpty();
        if (!apart) {
            return parsed;
        }
        if (parsed.credentials.username().isPresent()) {
            throw new InvalidInputException("Give the credentials either in the URL or as username and password, "
                    + "not both");
        }
        return new UpstreamUrl(parsed.url, UpstreamCredentials.of(username, password));
    }

    @Override
    public String toString() {
        return url + credentials.username().map(user -> " as " + user).orElse("");
    }

    private static UpstreamUrl withCredentials(String url, String rawUserInfo) {
        if (rawUserInfo == null || rawUserInfo.isEmpty()) {
            return new UpstreamUrl(url, UpstreamCredentials.NONE);
        }
        int colon = rawUserInfo.indexOf(':');
        String user = decode(colon < 0 ? rawUserInfo : rawUserInfo.substring(0, colon));
        String secret = colon < 0 ? null : decode(rawUserInfo.substring(colon + 1));
        return new UpstreamUrl(url, UpstreamCredentials.of(user, secret));
    }

    private static String decode(String raw) {
        // a '+' in user info is a plus, not a space: protect it from the form decoder
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    // The URL as the message may repeat it: without its user info, which may hold a password.
    private static InvalidInputException invalid(String given, String why) {
        String shown = given.strip().replaceFirst("^([A-Za-z][A-Za-z0-9+.-]*://)[^/@]*@", "$1");
        if (shown.length() > 200) {
            shown = shown.substring(0, 200) + "…";
        }
        return new InvalidInputException("The upstream URL '" + shown + "' is not usable: " + why);
    }
}
