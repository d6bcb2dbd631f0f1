package dev.assay.server.index.simple.cache;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the index's fast paths (servlet filters answering anonymous reads ahead of Spring Security, MVC and the HTTP
 * metrics) share: the headers Spring Security's default header writers would have added, and their own count.
 */
public final class FastPaths {

    private FastPaths() {
    }

    /** Sets the headers the full chain would have set on this response. */
    public static void securityHeaders(HttpServletRequest request, HttpServletResponse response) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        if (request.isSecure()) {
            response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
        }
        response.setHeader("X-Frame-Options", "DENY");
    }

    /**
     * The count of requests a fast path answered ({@code what}: page, file or metadata); they run ahead of the
     * {@code http.server.requests} timer, which counts only what goes down the full chain.
     */
    public static Counter answered(MeterRegistry meters, String what) {
        return Counter.builder("assay.index.fast.answers").tag("what", what)
                .description("Index requests answered from kept pages by a fast path, ahead of the full filter chain")
                .register(meters);
    }
}
