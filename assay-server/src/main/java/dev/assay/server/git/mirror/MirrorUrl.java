package dev.assay.server.git.mirror;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import dev.assay.server.error.InvalidInputException;

/**
 * A mirror's remote URL, validated: {@code https://} or {@code http://} with a host, or, where the
 * settings allow local mirrors, {@code file://} URLs and absolute paths. Its password (in
 * {@code https://user:password@host/…}) is a secret: {@link #masked()} is the form shown to anyone.
 */
record MirrorUrl(String value) {

    static final int MAX_LENGTH = 1000;
    private static final String MASK = "***";

    /** Validates what an owner typed; a refusal says what to send instead. */
    static MirrorUrl parse(String raw, boolean allowLocal) {
        String url = raw == null ? "" : raw.strip();
        if (url.isEmpty()) {
            throw new InvalidInputException("Missing url: send {\"url\": \"https://host/owner/repository.git\"}");
        }
        if (url.length() > MAX_LENGTH || url.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new InvalidInputException("A mirror URL has at most " + MAX_LENGTH
                    + " characters and no spaces or control characters");
        }
        if (url.startsWith("/")) {
            return local(url, Path.of(url), allowLocal);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException invalid) {
            throw new InvalidInputException("'" + new MirrorUrl(url).masked() + "' is not a valid URL: "
                    + invalid.getReason() + "; use https://host/owner/repository.git");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "https", "http" -> remote(url, uri);
            case "file" -> local(url, uri.getPath() == null ? Path.of("") : Path.of(uri.getPath()), allowLocal);
            case "" -> throw new InvalidInputException("'" + url + "' is not a URL: mirrors are pushed over "
                    + "HTTP(S), e.g. https://host/owner/repository.git");
            default -> throw new InvalidInputException("Mirror URLs with '" + scheme + ":' are not supported: "
                    + "use an https:// or http:// URL");
        };
    }

    private static MirrorUrl remote(String url, URI uri) {
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidInputException("'" + new MirrorUrl(url).masked() + "' names no host: "
                    + "use https://host/owner/repository.git");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new InvalidInputException("A mirror URL has no query (?…) or fragment (#…)");
        }
        return new MirrorUrl(url);
    }

    private static MirrorUrl local(String url, Path path, boolean allowLocal) {
        if (!allowLocal) {
            throw new InvalidInputException("Local mirrors (" + url + ") are not allowed on this server: use an "
                    + "https:// URL, or ask an administrator to set assay.git.mirror.allow-local=true");
        }
        if (!path.isAbsolute() || !path.normalize().equals(path)) {
            throw new InvalidInputException("'" + url + "' is not an absolute, normalised path: "
                    + "use e.g. /srv/mirrors/project.git or file:///srv/mirrors/project.git");
        }
        return new MirrorUrl(url);
    }

    /** Whether the URL is pushed over HTTP(S) (and may carry credentials). */
    boolean remote() {
        String lower = value.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    /** The URL with any password replaced by {@code ***}. */
    String masked() {
        int start = value.indexOf("://");
        if (start < 0) {
            return value;
        }
        int authorityEnd = value.indexOf('/', start + 3);
        String authority = authorityEnd < 0 ? value.substring(start + 3) : value.substring(start + 3, authorityEnd);
        int at = authority.lastIndexOf('@');
        int colon = at < 0 ? -1 : authority.indexOf(':');
        if (colon < 0 || colon > at) {
            return value;
        }
        return value.substring(0, start + 3) + authority.substring(0, colon + 1) + MASK
                + value.substring(start + 3 + at);
    }

    /** The URL without its user information: the credentials go to the transport separately. */
    String withoutCredentials() {
        String raw = rawUserInfo().orElse(null);
        return raw == null ? value : value.replaceFirst(java.util.regex.Pattern.quote(raw + "@"), "");
    }

    /** The user name, decoded, if the URL has one. */
    Optional<String> user() {
        return rawUserInfo().map(info -> decode(info.contains(":") ? info.substring(0, info.indexOf(':')) : info));
    }

    /** The password, decoded, if the URL has one. */
    Optional<String> password() {
        return rawUserInfo().filter(info -> info.contains(":"))
                .map(info -> decode(info.substring(info.indexOf(':') + 1)));
    }

    /** The text with the password (as typed and decoded) masked: error messages may quote the URL. */
    String scrub(String text) {
        String scrubbed = text.replace(value, masked());
        Optional<String> rawPassword = rawUserInfo().filter(info -> info.contains(":"))
                .map(info -> info.substring(info.indexOf(':') + 1)).filter(secret -> !secret.isEmpty());
        if (rawPassword.isPresent()) {
            scrubbed = scrubbed.replace(rawPassword.get(), MASK).replace(password().orElseThrow(), MASK);
        }
        return scrubbed;
    }

    @Override
    public String toString() {
        return masked();
    }

    private Optional<String> rawUserInfo() {
        if (!remote()) {
            return Optional.empty();
        }
        return Optional.ofNullable(URI.create(value).getRawUserInfo());
    }

    private static String decode(String text) {
        return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
