package dev.assay.server.index.fuzz;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Builds read request number {@code i} of a fuzzing run from the seed alone: a path of the index's read APIs and
 * pages with real or hostile (percent-encoded) project names, versions and file names, odd query parameters, and
 * odd {@code Accept}, {@code Range}, {@code If-None-Match} and credential headers.
 */
final class ReadRequests {

    private static final List<String> TEMPLATES = List.of("/simple/", "/simple", "/simple/{p}/", "/simple/{p}",
            "/simple/{p}/?format={format}", "/simple/?format={format}", "/files/{p}/{f}", "/files/{p}/{f}.metadata",
            "/files/{j}", "/files/{p}/{j}", "/files/{p}/{f}/{j}", "/pypi/{p}/json", "/pypi/{p}/{v}/json",
            "/pypi/{p}/json/", "/project/{p}/", "/project/{p}", "/project/{p}/{v}/", "/project/{p}/{v}",
            "/search?q={q}&page={n}", "/search?q={q}", "/search?page={n}", "/?q={q}&page={n}",
            "/api/v1/projects/{p}/dependencies", "/api/v1/projects/{p}/dependencies?version={v}",
            "/api/v1/projects/{p}/dependents", "/api/v1/projects/{p}/releases/{v}/pipelines",
            "/api/v1/projects/{p}/pipelines", "/api/v1/projects/{p}/visibility", "/api/v1/projects/{j}",
            "/project/{p}/badge.svg", "/project/{p}/badge.svg?ref={q}", "/users/{j}", "/project/{p}/pipelines",
            "/{j}", "/simple/{p}/{j}", "/project/{p}/{v}/contents/", "/project/{p}/{v}/contents/sdist/{j}",
            "/project/{p}/{v}/contents/{j}/{f}", "/project/{p}/compare/{v}...{v}/contents",
            "/api/v1/projects/{p}/{v}/contents", "/api/v1/projects/{p}/{v}/contents/{j}",
            "/api/v1/projects/{p}/compare/{v}...{v}/contents");

    private static final List<String> ACCEPTS = List.of("*/*", "application/json", "text/html",
            "application/vnd.pypi.simple.v1+json", "application/vnd.pypi.simple.v1+html",
            "application/vnd.pypi.simple.v1+json, application/vnd.pypi.simple.v1+html; q=0.1, text/html; q=0.01",
            "application/vnd.pypi.simple.latest+json", "application/problem+json", "image/*", "text/*;q=0.0",
            "*/*;q=2", "*/*;q=-1", "text/html;q=abc", "a/b/c", ";", ",,,", "text/html;level=1;q=0.5, */*;q=0",
            "application/*+json;charset=\"utf-8", "*", "text/html;" + "a=b;".repeat(500));
    private static final List<String> RANGES = List.of("bytes=0-10", "bytes=-5", "bytes=5-", "bytes=10-5",
            "bytes=0-0,5-9,2-3", "bytes=99999999999999999999-", "bytes=-0", "bytes=0-", "bytes=", "bytes=a-b",
            "items=0-5", "bytes=0-1,".repeat(200) + "3-4", "bytes=-99999999999", "bytes=1000000-2000000");
    private static final List<String> ETAGS = List.of("*", "\"x\"", "W/\"x\"", "\"", "W/", ",,,", "\"a\", W/\"b\", *",
            "x".repeat(3000));

    /** One request: method, URI, headers as name, value, name, value... */
    record Request(String method, URI uri, List<String> headers) {
        String describe() {
            return method + " " + MetadataMutations.shorten(uri.getRawPath()
                    + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()), 300)
                    + (headers.isEmpty() ? "" : " " + headers.stream()
                            .map(header -> MetadataMutations.shorten(header, 120)).toList());
        }
    }

    private final long seed;
    private final String base;
    private final List<String> projects;
    private final List<String> versions;
    private final List<String> filenames;
    private final List<String> etags;

    ReadRequests(long seed, String base, List<String> projects, List<String> versions, List<String> filenames,
            List<String> etags) {
        this.seed = seed;
        this.base = base.replaceFirst("/$", "");
        this.projects = projects;
        this.versions = versions;
        this.filenames = filenames;
        this.etags = etags;
    }

    Request build(int iteration) {
        Junk junk = new Junk(new Random(seed * 7_000_003L + iteration));
        String path = junk.pick(TEMPLATES)
                .replace("{p}", segment(junk, projects))
                .replace("{v}", segment(junk, versions))
                .replace("{f}", segment(junk, filenames))
                .replace("{j}", junkPath(junk))
                .replace("{q}", encode(junk.chance(0.5) ? junk.pick(projects) : junk.string()))
                .replace("{n}", encode(junk.pick(List.of("1", "2", "0", "-1", "999999", "99999999999999999999",
                        "1.5", "", "a", junk.string()))))
                .replace("{format}", encode(junk.pick(ACCEPTS)));
        List<String> headers = new ArrayList<>();
        if (junk.chance(0.6)) {
            headers.addAll(List.of("Accept", headerValue(junk.chance(0.8) ? junk.pick(ACCEPTS) : junk.string())));
        }
        if (junk.chance(0.25)) {
            headers.addAll(List.of("Range", headerValue(junk.chance(0.8) ? junk.pick(RANGES) : junk.string())));
        }
        if (junk.chance(0.25)) {
            String tag = junk.chance(0.5) && !etags.isEmpty() ? junk.pick(etags) : junk.pick(ETAGS);
            headers.addAll(List.of("If-None-Match", headerValue(tag)));
        }
        if (junk.chance(0.1)) {
            headers.addAll(List.of("If-Modified-Since", headerValue(junk.chance(0.5) ? "Sun, 06 Nov 1994 08:49:37 GMT"
                    : junk.string())));
        }
        if (junk.chance(0.08)) {
            headers.addAll(List.of("Authorization", headerValue(junk.pick(List.of("Basic ", "Basic %%%", "Basic "
                    + java.util.Base64.getEncoder().encodeToString(junk.string().getBytes(StandardCharsets.UTF_8)),
                    "Bearer x", "Basic Og==", "Basic X190b2tlbl9fOg==")))));
        }
        String method = junk.chance(0.1) ? "HEAD" : "GET";
        return new Request(method, uri(path), headers);
    }

    private URI uri(String path) {
        try {
            return URI.create(base + path);
        } catch (IllegalArgumentException illegal) {
            return URI.create(base + "/" + encode(path));
        }
    }

    /** A real value, a real one in another spelling, or junk; percent-encoded, or sometimes raw where legal. */
    private static String segment(Junk junk, List<String> known) {
        if (!known.isEmpty() && junk.chance(0.6)) {
            String value = junk.pick(known);
            return junk.chance(0.2) ? encode(value.toUpperCase().replace('-', '_').replace('.', '-')) : encode(value);
        }
        String value = junk.string();
        return junk.chance(0.3) ? rawIfLegal(value) : encode(value);
    }

    private static String junkPath(Junk junk) {
        return junk.pick(List.of("..%2F..%2Fetc%2Fpasswd", "%2e%2e/%2e%2e/etc/passwd", "a/../../b", "%00", "%c0%ae%c0%ae/",
                ";jsessionid=x", "a;b=c/d", "%252e%252e%252f", "\u00e9", "%ff", "x/" .repeat(100), "", "//", "./.",
                encode(junk.string()), rawIfLegal(junk.string())));
    }

    private static String rawIfLegal(String value) {
        try {
            URI.create("http://h/" + value);
            return value;
        } catch (IllegalArgumentException illegal) {
            return encode(value);
        }
    }

    static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (Character.isLetterOrDigit(c) && c < 128 || "-._~".indexOf(c) >= 0) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return encoded.toString();
    }

    /** What an HTTP client can send: visible ASCII and spaces, at most 8 KB. */
    private static String headerValue(String value) {
        String visible = value.replaceAll("[^\\x20-\\x7e]", "?").strip();
        return visible.length() > 8_000 ? visible.substring(0, 8_000) : visible.isEmpty() ? "x" : visible;
    }
}
