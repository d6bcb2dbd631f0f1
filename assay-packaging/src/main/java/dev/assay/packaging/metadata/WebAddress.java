package dev.assay.packaging.metadata;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a URL field as Warehouse does ({@code is_valid_uri} with rfc3986): an http or https scheme and valid
 * characters in host, port, path and query. The fragment is not checked ({@code https://matrix.to/#/#room} is
 * fine), and a URL without a host is accepted by PyPI, so that is only a warning.
 */
final class WebAddress {
    // RFC 3986, appendix B
    private static final Pattern PARTS = Pattern.compile(
            "^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\\?([^#]*))?(?:#(.*))?$", Pattern.DOTALL);
    private static final String PCT = "%[0-9A-Fa-f]{2}";
    private static final String PCHAR = "(?:[A-Za-z0-9._~!$&'()*+,;=:@-]|" + PCT + ")";
    private static final Pattern PATH = Pattern.compile("(?:" + PCHAR + "|/)*");
    private static final Pattern QUERY = Pattern.compile("(?:" + PCHAR + "|[/?])*");
    private static final Pattern USER_INFO = Pattern.compile("(?:[A-Za-z0-9._~!$&'()*+,;=:-]|" + PCT + ")*");
    private static final Pattern REG_NAME = Pattern.compile("(?:[A-Za-z0-9._~!$&'()*+,;=-]|" + PCT + ")*");
    private static final Pattern IP_LITERAL = Pattern.compile("\\[[0-9A-Fa-f:.]+]|\\[v[0-9A-Fa-f]+\\.[^\\]]+]");
    private static final Pattern AUTHORITY = Pattern.compile("^(?:([^@]*)@)?(\\[[^\\]]*]|[^:]*)(?::(.*))?$");

    private WebAddress() {
    }

    /** What makes PyPI refuse {@code url}, or empty when it accepts it. */
    static Optional<String> problemWith(String url) {
        Matcher parts = PARTS.matcher(url.strip());
        if (!parts.matches()) {
            return invalid(url, "it cannot be split into scheme, host and path");
        }
        String scheme = parts.group(1) == null ? "" : parts.group(1).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of("'" + url + "' is not an http or https URL; give an absolute http:// or https:// URL");
        }
        if (parts.group(2) != null) {
            Optional<String> authority = authorityProblem(url, parts.group(2));
            if (authority.isPresent()) {
                return authority;
            }
        }
        if (!PATH.matcher(parts.group(3)).matches()) {
            return invalid(url, "the path has a character that must be percent-encoded");
        }
        if (parts.group(4) != null && !QUERY.matcher(parts.group(4)).matches()) {
            return invalid(url, "the query has a character that must be percent-encoded");
        }
        return Optional.empty();
    }

    /** Advice on {@code url} that PyPI does not enforce: a URL without a host leads nowhere. */
    static Optional<String> warningFor(String url) {
        Matcher parts = PARTS.matcher(url.strip());
        if (parts.matches() && (parts.group(2) == null || parts.group(2).isEmpty())) {
            return Optional.of("'" + url + "' has no host; give an absolute URL such as https://example.com/");
        }
        return Optional.empty();
    }

    private static Optional<String> authorityProblem(String url, String authority) {
        Matcher parts = AUTHORITY.matcher(authority);
        if (!parts.matches()) {
            return invalid(url, "the host part is malformed");
        }
        if (parts.group(1) != null && !USER_INFO.matcher(parts.group(1)).matches()) {
            return invalid(url, "the user part has a character that must be percent-encoded");
        }
        String host = parts.group(2);
        if (!REG_NAME.matcher(host).matches() && !IP_LITERAL.matcher(host).matches()) {
            return invalid(url, "'" + host + "' is not a valid host");
        }
        if (parts.group(3) != null && !parts.group(3).matches("[0-9]*")) {
            return invalid(url, "the port is not a number");
        }
        return Optional.empty();
    }

    private static Optional<String> invalid(String url, String reason) {
        return Optional.of("'" + url + "' is not a valid URL (" + reason + "); give an absolute http:// or "
                + "https:// URL");
    }
}
