package dev.assay.server.index.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

import io.micrometer.core.instrument.Counter;

import dev.assay.packaging.name.ProjectName;
import dev.assay.server.index.DistributionStore;
import dev.assay.server.index.simple.KeptFiles;
import dev.assay.server.index.simple.cache.FastPaths;
import dev.assay.server.index.simple.cache.KeptPage;

/**
 * Answers an anonymous, unconditional {@code GET} or {@code HEAD} of {@code /files/<normalized>/<file>} or its
 * {@code .metadata} ahead of Spring Security, MVC and the {@code http.server.requests} timer, when the project's kept
 * page is shared and current and lists the file ({@link KeptFiles}: the project is readable by anyone and nothing
 * changed since); large files go out with Tomcat's sendfile. Anything else (credentials, a cookie, a query, a range or
 * a condition, a name not listed so, a file missing from the store) goes down the full chain, which answers it as
 * before. Sends the headers that chain sends.
 */
class FileFastPath extends OncePerRequestFilter {

    private static final String PREFIX = "/files/";
    // what the full chain answers itself: ranges and conditions (Spring's resource handling), credentials (checked)
    private static final List<String> FULL_CHAIN_HEADERS = List.of(HttpHeaders.AUTHORIZATION, HttpHeaders.COOKIE,
            HttpHeaders.RANGE, HttpHeaders.IF_RANGE, HttpHeaders.IF_NONE_MATCH, HttpHeaders.IF_MATCH,
            HttpHeaders.IF_MODIFIED_SINCE, HttpHeaders.IF_UNMODIFIED_SINCE);
    private static final String SENDFILE = "org.apache.tomcat.sendfile.";
    // below this a plain copy costs less than handing the file to the poller (Tomcat's DefaultServlet's threshold)
    private static final long SENDFILE_FROM = 48 * 1024;

    private final KeptFiles kept;
    private final DistributionStore store;
    private final Counter files;
    private final Counter metadataFiles;
    private final Counter metadataRequests;

    FileFastPath(KeptFiles kept, DistributionStore store, Counter files, Counter metadataFiles,
            Counter metadataRequests) {
        this.kept = kept;
        this.store = store;
        this.files = files;
        this.metadataFiles = metadataFiles;
        this.metadataRequests = metadataRequests;
    }

    /** A file to send: where it is, its name, its SHA-256 and its size. */
    private record Answer(Path path, String filename, String sha256, long size, boolean metadata) {
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Answer answer = answerable(request) ? find(request).orElse(null) : null;
        if (answer == null) {
            chain.doFilter(request, response);
            return;
        }
        FastPaths.securityHeaders(request, response);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader(HttpHeaders.CACHE_CONTROL, FileResponses.sharedCacheControl());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, FileResponses.disposition(answer.filename()));
        response.setHeader(HttpHeaders.ETAG, "\"" + answer.sha256() + "\"");
        response.setHeader(HttpHeaders.ACCEPT_RANGES, "bytes");
        response.setContentType(FileResponses.contentType(answer.filename()).toString());
        response.setContentLengthLong(answer.size());
        if (!"HEAD".equals(request.getMethod())) {
            send(request, response, answer);
        }
        (answer.metadata() ? metadataFiles : files).increment();
        if (answer.metadata()) {
            metadataRequests.increment();
        }
    }

    private static boolean answerable(HttpServletRequest request) {
        String method = request.getMethod();
        if (!("GET".equals(method) || "HEAD".equals(method)) || request.getQueryString() != null) {
            return false;
        }
        for (String header : FULL_CHAIN_HEADERS) {
            if (request.getHeader(header) != null) {
                return false;
            }
        }
        return true;
    }

    /** The file the URL names, when a current shared page lists it and the store has it; empty when unsure. */
    private Optional<Answer> find(HttpServletRequest request) {
        String contextPath = request.getContextPath();
        String uri = request.getRequestURI();
        if (!uri.startsWith(contextPath) || !uri.startsWith(PREFIX, contextPath.length())) {
            return Optional.empty();
        }
        String rest = uri.substring(contextPath.length() + PREFIX.length());
        int slash = rest.indexOf('/');
        // an escaped or dotted segment is decoded and checked by the full chain
        if (slash <= 0 || rest.indexOf('/', slash + 1) >= 0 || rest.indexOf('%') >= 0 || rest.indexOf(';') >= 0) {
            return Optional.empty();
        }
        String project = rest.substring(0, slash);
        String filename = rest.substring(slash + 1);
        if (!ProjectName.isValid(project) || !ProjectName.normalize(project).equals(project)) {
            return Optional.empty();
        }
        boolean metadata = filename.endsWith(FileResponses.METADATA_SUFFIX);
        String distribution = metadata
                ? filename.substring(0, filename.length() - FileResponses.METADATA_SUFFIX.length()) : filename;
        Optional<String> sha256 = kept.listed(contextPath, project, distribution)
                .flatMap(digests -> metadata ? digests.metadataSha256() : Optional.of(digests.sha256()));
        return sha256.flatMap(digest -> stored(store.locate(project, filename), filename, digest, metadata));
    }

    /** The stored file with its size; empty when it is missing (the full chain logs that and answers 404). */
    private static Optional<Answer> stored(Path path, String filename, String sha256, boolean metadata) {
        try {
            return Files.isRegularFile(path)
                    ? Optional.of(new Answer(path, filename, sha256, Files.size(path), metadata)) : Optional.empty();
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private static void send(HttpServletRequest request, HttpServletResponse response, Answer answer)
            throws IOException {
        if (answer.size() >= SENDFILE_FROM && Boolean.TRUE.equals(request.getAttribute(SENDFILE + "support"))) {
            request.setAttribute(SENDFILE + "filename", answer.path().toAbsolutePath().toString());
            request.setAttribute(SENDFILE + "start", 0L);
            request.setAttribute(SENDFILE + "end", answer.size());
            return;
        }
        Files.copy(answer.path(), response.getOutputStream());
    }
}
