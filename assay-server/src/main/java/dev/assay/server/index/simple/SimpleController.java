package dev.assay.server.index.simple;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

import dev.assay.server.accounts.Caller;
import dev.assay.server.accounts.CallerResolver;
import dev.assay.server.index.Project;
import dev.assay.server.index.ProjectService;

/**
 * {@code GET /simple/} and {@code GET /simple/<project>/}: the Simple Repository API that pip, uv and
 * poetry read, in HTML or JSON by content negotiation. Anyone may read public projects; a private project is
 * listed and served only to those who may read it, and its pages are never stored by shared caches. A name no
 * project here has is answered from upstream ({@link UpstreamPages}); the list names hosted projects only.
 */
@RestController
class SimpleController {

    private static final String LAST_SERIAL = "X-PyPI-Last-Serial";
    // pages change on upload and yank; clients revalidate cheaply with the ETag after a minute
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();
    // what a signed-in reader sees may hold private projects: for their own cache only
    private static final CacheControl PRIVATE_CACHE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePrivate();

    private final SimpleIndexService index;
    private final SimpleHtml html;
    private final ProjectPages pages;
    private final UpstreamPages upstreamPages;
    private final ProjectService projects;
    private final CallerResolver callers;

    SimpleController(SimpleIndexService index, SimpleHtml html, ProjectPages pages, UpstreamPages upstreamPages,
            ProjectService projects, CallerResolver callers) {
        this.index = index;
        this.html = html;
        this.pages = pages;
        this.upstreamPages = upstreamPages;
        this.projects = projects;
        this.callers = callers;
    }

    @GetMapping("/simple")
    ResponseEntity<Void> indexWithoutSlash(HttpServletRequest request,
            @RequestParam(name = "format", required = false) String format) {
        return redirect(request.getContextPath() + "/simple/", format);
    }

    @GetMapping("/simple/")
    ResponseEntity<?> projectList(HttpServletRequest request, Authentication authentication,
            @RequestParam(name = "format", required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) {
        SimpleFormat chosen = SimpleFormat.choose(format, accept);
        FileUrls urls = new FileUrls(request.getContextPath());
        Optional<Caller> caller = callers.caller(authentication);
        List<SimpleRepository.ListedProject> listed = index.projects(projects.reader(caller));
        ResponseEntity.BodyBuilder answer = ResponseEntity.ok().contentType(chosen.mediaType())
                .varyBy(HttpHeaders.ACCEPT).cacheControl(caller.isPresent() ? PRIVATE_CACHE : CACHE);
        return chosen.isJson() ? answer.body(SimpleJson.projectList(listed))
                : answer.body(html.projectList(listed, urls));
    }

    @GetMapping({"/simple/{project}/", "/simple/{project}"})
    ResponseEntity<?> projectDetail(HttpServletRequest request, Authentication authentication,
            @PathVariable String project,
            @RequestParam(name = "format", required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        String normalized = SimpleIndexService.normalize(project);
        FileUrls urls = new FileUrls(request.getContextPath());
        if (!request.getRequestURI().equals(urls.project(normalized))) {
            return redirect(urls.project(normalized), format);
        }
        SimpleFormat chosen = SimpleFormat.choose(format, accept);
        // checked before anything is served, the kept pages included
        Optional<Project> found = projects.find(normalized);
        if (found.isEmpty()) {
            return upstreamPages.page(urls, normalized, chosen, ifNoneMatch);
        }
        projects.checkClientMayRead(callers.caller(authentication), found.get());
        CacheControl cache = found.get().isRestricted() ? PRIVATE_CACHE : CACHE;
        Revision revision = index.revision(normalized).orElseThrow(() -> SimpleIndexService.notFound(normalized));
        if (ifNoneMatch != null && matches(ifNoneMatch, SimpleIndexService.etag(revision, chosen))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers(revision, chosen, cache)).build();
        }
        ProjectPages.Page page = pages.page(urls, normalized, chosen, revision);
        return ResponseEntity.ok().headers(headers(page.revision(), chosen, cache)).contentType(chosen.mediaType())
                .body(page.body());
    }

    private static HttpHeaders headers(Revision revision, SimpleFormat format, CacheControl cache) {
        HttpHeaders headers = new HttpHeaders();
        headers.setETag(SimpleIndexService.etag(revision, format));
        headers.setCacheControl(cache);
        headers.setVary(List.of(HttpHeaders.ACCEPT));
        headers.set(LAST_SERIAL, Long.toString(revision.serial()));
        return headers;
    }

    /** If-None-Match holds a list of (possibly weak) entity tags, or {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.strip();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<Void> redirect(String path, String format) {
        String query = format == null ? ""
                : "?format=" + UriUtils.encode(format.strip().replace(' ', '+'), StandardCharsets.UTF_8);
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create(path + query)).build();
    }
}
