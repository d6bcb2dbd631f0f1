package dev.assay.server.index.simple.cache;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A page kept as bytes, in each content-coding, with what its response says: type, strong ETag (one per coding),
 * {@code Cache-Control} and the project serial when it has one. {@code stamp} is the change serial it was last known
 * current at; {@code shared} says anyone may be served it (a public project that is not held, or the anonymous list).
 * A shared project page also holds the digests of the hosted files it lists ({@code files}, by file name; empty
 * otherwise), so that those files can be served while the page is current without asking the database again.
 */
public record KeptPage(String contentType, String etag, String cacheControl, String lastSerial, byte[] identity,
        byte[] gzip, byte[] brotli, long stamp, boolean shared, Map<String, ListedDigests> files) {

    /** A listed hosted file's SHA-256, and its PEP 658 metadata file's when it has one. */
    public record ListedDigests(String sha256, Optional<String> metadataSha256) {
    }

    public KeptPage {
        files = Map.copyOf(files);
    }

    private static final String LAST_SERIAL = "X-PyPI-Last-Serial";
    private static final String VARY = "Accept, Accept-Encoding";

    /** Writes a page, compressed with each available coding; {@code etag} is the identity form's, quotes included. */
    public static KeptPage of(Compression compression, String contentType, String etag, String cacheControl,
            String lastSerial, byte[] body, long stamp, boolean shared) {
        return new KeptPage(contentType, etag, cacheControl, lastSerial, body, compression.gzip(body),
                compression.brotli(body), stamp, shared, Map.of());
    }

    /** The same page, known current at a later change serial. */
    public KeptPage at(long laterStamp) {
        return new KeptPage(contentType, etag, cacheControl, lastSerial, identity, gzip, brotli, laterStamp, shared,
                files);
    }

    /** The same page, holding the digests of the hosted files it lists. */
    public KeptPage listing(Map<String, ListedDigests> listed) {
        return new KeptPage(contentType, etag, cacheControl, lastSerial, identity, gzip, brotli, stamp, shared,
                listed);
    }

    /** Whether anyone may be served this page (and the files it lists) now that the change serial is {@code serial}. */
    public boolean servableAt(long serial) {
        return shared && stamp == serial;
    }

    /** Bytes held, every coding counted (a listed file's digests about 300). */
    long size() {
        return identity.length + gzip.length + (brotli == null ? 0 : brotli.length) + 256L + files.size() * 300L;
    }

    /** The strong ETag of the page in this coding. */
    public String etag(Encoding encoding) {
        return encoding == Encoding.IDENTITY ? etag
                : etag.substring(0, etag.length() - 1) + encoding.etagSuffix() + "\"";
    }

    /**
     * Answers the request: the coding its {@code Accept-Encoding} prefers, or 304 when {@code If-None-Match} names
     * that coding's ETag (or {@code *}); a HEAD gets the headers alone.
     */
    public void write(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Encoding encoding = Encoding.choose(request.getHeader("Accept-Encoding"), brotli != null);
        String tag = etag(encoding);
        response.setHeader("ETag", tag);
        response.setHeader("Cache-Control", cacheControl);
        response.setHeader("Vary", VARY);
        if (lastSerial != null) {
            response.setHeader(LAST_SERIAL, lastSerial);
        }
        String ifNoneMatch = request.getHeader("If-None-Match");
        if (ifNoneMatch != null && matches(ifNoneMatch, tag)) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] body = switch (encoding) {
            case BR -> brotli;
            case GZIP -> gzip;
            case IDENTITY -> identity;
        };
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(contentType);
        if (encoding != Encoding.IDENTITY) {
            response.setHeader("Content-Encoding", encoding.token());
        }
        response.setContentLength(body.length);
        if (!"HEAD".equals(request.getMethod())) {
            response.getOutputStream().write(body);
        }
    }

    /** If-None-Match holds a list of (possibly weak: the weak comparison applies) entity tags, or {@code *}. */
    public static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
