package dev.assay.server.index.simple;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import dev.assay.packaging.name.ProjectName;
import dev.assay.server.index.ChangeSerials;
import dev.assay.server.index.simple.cache.ChangeWatch;
import dev.assay.server.index.simple.cache.FastPaths;
import dev.assay.server.index.simple.cache.KeptPage;
import dev.assay.server.index.simple.cache.PageStore;

/**
 * Answers an anonymous {@code GET} or {@code HEAD} of {@code /simple/} or {@code /simple/<normalized>/} from a kept,
 * shared page still current at the change serial, ahead of Spring Security, MVC and the {@code http.server.requests}
 * timer (counted by {@code assay.index.fast.answers} instead): no database round trip, no template. Everything else
 * (credentials or a cookie, a query, a name needing a redirect or not kept, a restricted project's page, one kept
 * before the last change) goes down the normal chain, which keeps the page for next time. Sends exactly what that
 * chain sends, the security headers included.
 */
class SimpleFastPath extends OncePerRequestFilter {

    private static final String PREFIX = "/simple/";
    // installers send a handful of distinct Accept headers; anything past this many is chosen afresh each time
    private static final int MAX_KNOWN_ACCEPTS = 64;

    private final PageStore store;
    private final ChangeWatch watch;
    private final Map<String, SimpleFormat> formats = new ConcurrentHashMap<>();
    private final Counter answered;

    SimpleFastPath(PageStore store, ChangeWatch watch, MeterRegistry meters) {
        this.store = store;
        this.watch = watch;
        this.answered = FastPaths.answered(meters, "page");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        KeptPage page = answerable(request) ? kept(request) : null;
        if (page == null) {
            chain.doFilter(request, response);
            return;
        }
        FastPaths.securityHeaders(request, response);
        page.write(request, response);
        answered.increment();
    }

    private static boolean answerable(HttpServletRequest request) {
        String method = request.getMethod();
        return ("GET".equals(method) || "HEAD".equals(method)) && request.getQueryString() == null
                && request.getHeader("Authorization") == null && request.getHeader("Cookie") == null;
    }

    /** The kept page the request asks for, if it is shared and current; null otherwise. */
    private KeptPage kept(HttpServletRequest request) {
        String contextPath = request.getContextPath();
        String uri = request.getRequestURI();
        if (!uri.startsWith(PREFIX, contextPath.length()) || !uri.startsWith(contextPath)) {
            return null;
        }
        String rest = uri.substring(contextPath.length() + PREFIX.length());
        String project = rest.isEmpty() ? "" : rest.substring(0, rest.length() - 1);
        if (!rest.isEmpty() && (rest.indexOf('/') != rest.length() - 1 || !ProjectName.isValid(project)
                || !ProjectName.normalize(project).equals(project))) {
            return null;
        }
        SimpleFormat format = format(request.getHeader("Accept"));
        KeptPage page = store.get(new PageStore.Key(contextPath, project, format.tag()));
        if (page == null || !page.shared()) {
            return null;
        }
        ChangeSerials serials = watch.current();
        return page.servableAt(project.isEmpty() ? serials.list() : serials.pages()) ? page : null;
    }

    private SimpleFormat format(String accept) {
        String key = accept == null ? "" : accept;
        SimpleFormat known = formats.get(key);
        if (known != null) {
            return known;
        }
        SimpleFormat chosen = SimpleFormat.choose(null, accept);
        if (formats.size() < MAX_KNOWN_ACCEPTS) {
            formats.put(key, chosen);
        }
        return chosen;
    }
}
