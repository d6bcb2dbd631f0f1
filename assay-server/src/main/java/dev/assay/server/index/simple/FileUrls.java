package dev.assay.server.index.simple;

import java.nio.charset.StandardCharsets;

import org.springframework.web.util.UriUtils;

/** Where files and pages are, as paths from the server's root (so they work behind any host name). */
record FileUrls(String contextPath) {

    /** The stable URL of a distribution file; its {@code .metadata} file is this plus the suffix (PEP 658). */
    String file(String normalizedProject, String filename) {
        return contextPath + "/files/" + normalizedProject + "/" + UriUtils.encodePathSegment(filename,
                StandardCharsets.UTF_8);
    }

    /** The URL of a file of a project answered from upstream; its {@code .metadata} file likewise. */
    String upstreamFile(String normalizedProject, String filename) {
        return contextPath + "/upstream" + file(normalizedProject, filename).substring(contextPath.length());
    }

    /** The project's page in the Simple Repository API. */
    String project(String normalizedProject) {
        return contextPath + "/simple/" + normalizedProject + "/";
    }
}
