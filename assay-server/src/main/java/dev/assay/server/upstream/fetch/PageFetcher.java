package dev.assay.server.upstream.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import dev.assay.server.error.BadGatewayException;
import dev.assay.server.upstream.UpstreamFile;
import dev.assay.server.upstream.config.Upstream;

/**
 * Asks one upstream for one project page, conditionally when a cached copy has validators: the page parsed, the
 * cached copy confirmed (304), or upstream's 404; every other outcome is a {@link BadGatewayException} saying
 * what failed, so that nothing but a real page or a 404 reaches the cache.
 */
@Component
class PageFetcher {

    private static final int MAX_ETAG = 500;
    private static final int MAX_LAST_MODIFIED = 100;

    private final UpstreamHttp http;
    private final PageParser parser;
    private final FetchSettings settings;
    private final Clock clock;

    PageFetcher(UpstreamHttp http, PageParser parser, FetchSettings settings, Clock clock) {
        this.http = http;
        this.parser = parser;
        this.settings = settings;
        this.clock = clock;
    }

    /** A page as fetched; {@code notModified} when upstream confirmed the cached copy. */
    record Fetched(CachedPage page, boolean notModified) {
    }

    /** The page of {@code normalizedName} on {@code upstream}, revalidating {@code cached} when given. */
    Fetched fetch(Upstream upstream, String normalizedName, Optional<CachedPage> cached) {
        URI page = URI.create(upstream.url()).resolve(normalizedName + "/");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", PageParser.ACCEPT);
        Optional<CachedPage> validated = cached.filter(CachedPage::found);
        validated.flatMap(CachedPage::etag).ifPresent(etag -> headers.put("If-None-Match", etag));
        validated.flatMap(CachedPage::lastModified).ifPresent(date -> headers.put("If-Modified-Since", date));
        HttpResponse<InputStream> response = http.get(upstream, page, headers);
        try (InputStream body = response.body()) {
            int status = response.statusCode();
            if (status == 304 && validated.isPresent()) {
                return new Fetched(validated.get().revalidatedAt(clock.instant()), true);
            }
            if (status == 404 || status == 410) {
                return new Fetched(CachedPage.missing(upstream.id(), normalizedName, clock.instant()), false);
            }
            if (status != 200) {
                throw UpstreamHttp.failure(upstream, "answered " + status + " for " + page);
            }
            List<UpstreamFile> files = parse(upstream, response, read(upstream, body));
            // validators too long for the cache's columns are dropped: the page is then fetched whole, not revalidated
            return new Fetched(new CachedPage(upstream.id(), normalizedName, true,
                    validator(response, "ETag", MAX_ETAG), validator(response, "Last-Modified", MAX_LAST_MODIFIED),
                    clock.instant(), files), false);
        } catch (IOException unreadable) {
            throw UpstreamHttp.failure(upstream, "sent a page that could not be read (" + unreadable.getMessage() + ")");
        }
    }

    private static Optional<String> validator(HttpResponse<InputStream> response, String header, int maxLength) {
        return response.headers().firstValue(header).filter(value -> value.length() <= maxLength);
    }

    private List<UpstreamFile> parse(Upstream upstream, HttpResponse<InputStream> response, byte[] body) {
        try {
            return parser.parse(response.uri(), response.headers().firstValue("Content-Type"), body);
        } catch (MalformedPageException malformed) {
            throw UpstreamHttp.failure(upstream, "sent a page that is not a Simple Repository API page: "
                    + malformed.getMessage());
        }
    }

    /** The body, at most max-page-bytes of it, read within the read timeout (the client's covers the headers). */
    private byte[] read(Upstream upstream, InputStream body) throws IOException {
        long limit = settings.maxPageBytes().toBytes();
        AtomicBoolean cut = new AtomicBoolean();
        CompletableFuture.delayedExecutor(settings.readTimeout().toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
            cut.set(true);
            closeQuietly(body);
        });
        byte[] bytes;
        try {
            bytes = body.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
        } catch (IOException broken) {
            bytes = null;
        }
        if (cut.get() || bytes == null) {
            // a page cut short must not be read as a shorter list
            throw UpstreamHttp.failure(upstream, cut.get() ? "did not send the whole page within "
                    + UpstreamHttp.duration(settings.readTimeout()) : "broke off while sending the page");
        }
        if (bytes.length > limit) {
            throw UpstreamHttp.failure(upstream, "sent a page larger than " + DataSize.ofBytes(limit).toMegabytes()
                    + " MB (assay.upstream.fetch.max-page-bytes)");
        }
        return bytes;
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException ignored) {
            // the page was read, or its request already failed
        }
    }
}
