package dev.assay.server.index.simple;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

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
import dev.assay.server.index.simple.cache.ChangeWatch;

/**
 * {@code GET /simple/} and {@code GET /simple/<project>/}: the Simple Repository API that pip, uv and
 * poetry read, in HTML or JSON by content negotiation. Anyone may read public projects; a private project is
 * listed and served only to those who may read it, and its pages are never stored by shared caches. A name no
 * project here has is answered from upstream ({@link UpstreamPages}); the list names hosted projects only.
 */
@RestController
class SimpleController {

    // pages change on upload and yank; clients revalidate cheaply with the ETag after a minute
    private static final CacheControl CACHE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePublic();
    // what a signed-in reader sees may hold private projects: for their own cache only
    private static final CacheControl PRIVATE_CACHE = CacheControl.maxAge(Duration.ofMinutes(1)).cachePrivate();

    private final ProjectLists lists;
    private final ProjectPages pages;
    private final UpstreamPages upstreamPages;
    private final ProjectService projects;
    private final CallerResolver callers;
    private final ChangeWatch watch;

    SimpleController(ProjectLists lists, ProjectPages pages, UpstreamPages upstreamPages, ProjectService projects,
            CallerResolver callers, ChangeWatch watch) {
        this.lists = lists;
        this.pages = pages;
        this.watch = watch;
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
    ResponseEntity<byte[]> projectList(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication, @RequestParam(name = "format", required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept) throws IOException {
        SimpleFormat chosen = SimpleFormat.choose(format, accept);
        FileUrls urls = new FileUrls(request.getContextPath());
        Optional<Caller> caller = callers.caller(authentication);
        if (caller.isEmpty()) {
            lists.anonymous(urls, chosen).write(request, response);
            return null;
        }
        return ResponseEntity.ok().contentType(chosen.mediaType()).varyBy(HttpHeaders.ACCEPT)
                .cacheControl(PRIVATE_CACHE).body(lists.signedIn(projects.reader(caller), urls, chosen));
    }

    @GetMapping({"/simple/{project}/", "/simple/{project}"})
    ResponseEntity<?> projectDetail(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication, @PathVariable String project,
            @RequestParam(name = "format", required = false) String format,
            @RequestHeader(name = HttpHeaders.ACCEPT, required = false) String accept,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) throws IOException {
        String normalized = SimpleIndexService.normalize(project);
        FileUrls urls = new FileUrls(request.getContextPath());
        if (!request.getRequestURI().equals(urls.project(normalized))) {
            return redirect(urls.project(normalized), format);
        }
        SimpleFormat chosen = SimpleFormat.choose(format, accept);
        // read before the project: a page kept with it is checked again after any later change
        long stamp = watch.current().pages();
        // checked before anything is served, the kept pages included
        Optional<Project> found = projects.find(normalized);
        if (found.isEmpty()) {
            return upstreamPages.page(urls, normalized, chosen, ifNoneMatch);
        }
        projects.checkClientMayRead(callers.caller(authentication), found.get());
        pages.page(urls, found.get(), chosen, stamp).write(request, response);
        return null;
    }

    /** A page's {@code Cache-Control}: a restricted project's, and any signed-in list, for the reader's cache only. */
    static String cacheControl(boolean restricted) {
        return (restricted ? PRIVATE_CACHE : CACHE).getHeaderValue();
    }

    private static ResponseEntity<Void> redirect(String path, String format) {
        String query = format == null ? ""
                : "?format=" + UriUtils.encode(format.strip().replace(' ', '+'), StandardCharsets.UTF_8);
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create(path + query)).build();
    }
}
