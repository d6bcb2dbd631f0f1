package dev.assay.server.index.simple;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import dev.assay.server.crypto.Sha256;
import dev.assay.server.error.NotFoundException;
import dev.assay.server.index.simple.cache.KeptPage;
import dev.assay.server.upstream.UpstreamIndex;
import dev.assay.server.upstream.UpstreamProject;
import dev.assay.server.upstream.rules.NameDecision;
import dev.assay.server.upstream.rules.NameRefusal;
import dev.assay.server.upstream.rules.UpstreamNames;

/**
 * The page of a name no hosted project has, answered from upstream when the name rules let it (a reserved name is a
 * 404 saying so), written by the same code as hosted pages, its links pointing at {@code /upstream/files/}. Says
 * which upstream it comes from, and when it is a stale copy kept while upstream cannot be reached.
 */
@Component
class UpstreamPages {

    static final String UPSTREAM = "X-Assay-Upstream";
    static final String STALE = "X-Assay-Upstream-Stale";
    // upstream's page is cached by the upstream index; clients revalidate cheaply with the ETag after a minute
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();

    private final UpstreamNames names;
    private final UpstreamIndex upstream;
    private final ProjectPages pages;

    UpstreamPages(UpstreamNames names, UpstreamIndex upstream, ProjectPages pages) {
        this.names = names;
        this.upstream = upstream;
        this.pages = pages;
    }

    /** The page of {@code normalized} from upstream, or the 404 of an unknown, reserved or hosted name. */
    ResponseEntity<byte[]> page(FileUrls urls, String normalized, SimpleFormat format, String ifNoneMatch) {
        // the upstream index applies the name rules itself; they are asked again only to say why there is no page
        UpstreamProject project = upstream.project(normalized).orElseThrow(() -> refusal(normalized));
        byte[] body = pages.write(SimpleIndexService.upstreamListing(project), urls, format);
        HttpHeaders headers = headers(project, etag(body, format));
        if (ifNoneMatch != null && KeptPage.matches(ifNoneMatch, headers.getETag())) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
        }
        return ResponseEntity.ok().headers(headers).contentType(format.mediaType()).body(body);
    }

    /** A reserved or not-allowed name's 404 says so; a hosted one (since the caller looked) or unknown one is plain. */
    private NotFoundException refusal(String normalized) {
        NameDecision decision = names.decide(normalized);
        if (decision.verdict() == NameDecision.Verdict.RESERVED
                || decision.verdict() == NameDecision.Verdict.NOT_ALLOWED) {
            return NameRefusal.notFound(normalized, decision);
        }
        return SimpleIndexService.notFound(normalized);
    }

    private static HttpHeaders headers(UpstreamProject project, String etag) {
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(etag);
        headers.setCacheControl(CACHE);
        headers.setVary(List.of(HttpHeaders.ACCEPT));
        headers.set(UPSTREAM, project.upstream().url());
        if (project.stale()) {
            headers.set(STALE, "fetched " + DateTimeFormatter.ISO_INSTANT.format(project.fetchedAt()));
            headers.set(HttpHeaders.WARNING, "110 - \"Response is Stale\"");
        }
        return headers;
    }

    /** A strong ETag of the page's bytes: what upstream lists decides them, and the format is part of them. */
    private static String etag(byte[] body, SimpleFormat format) {
        return "\"upstream-" + Sha256.hex(body).substring(0, 32) + "-" + format.tag() + "\"";
    }
}
