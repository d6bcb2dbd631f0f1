package dev.assay.server.review.thread;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import dev.assay.server.error.NotFoundException;
import dev.assay.server.review.DiscussionKind;
import dev.assay.server.review.DiscussionRepository;

/**
 * Threads answer under {@code /reviews/N}, {@code /changes/N} and {@code /diffs/N} (pages and API): a number of
 * another kind under a prefix is a 404, as if it did not exist, so each address names one discussion.
 */
@Component
class DiscussionPrefix implements HandlerInterceptor, WebMvcConfigurer {

    private final DiscussionRepository discussions;

    DiscussionPrefix(DiscussionRepository discussions) {
        this.discussions = discussions;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/reviews/*/conversation", "/reviews/*/conversation/**",
                "/changes/*/conversation", "/changes/*/conversation/**", "/api/v1/reviews/*/threads",
                "/api/v1/reviews/*/threads/**", "/api/v1/reviews/*/publish", "/api/v1/changes/*/threads",
                "/api/v1/changes/*/threads/**", "/api/v1/changes/*/publish", "/diffs/*/conversation",
                "/diffs/*/conversation/**", "/api/v1/diffs/*/threads", "/api/v1/diffs/*/threads/**",
                "/api/v1/diffs/*/publish");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (!(variables instanceof Map<?, ?> values) || !(values.get("number") instanceof String number)
                || !number.matches("\\d{1,18}")) {
            return true; // the controller answers a malformed number with its 400
        }
        DiscussionKind expected = kindOf(request.getRequestURI());
        discussions.find(Long.parseLong(number)).filter(found -> found.kind() != expected).ifPresent(found -> {
            throw new NotFoundException("there is no " + noun(expected) + " #" + number);
        });
        return true;
    }

    /** The kind of discussion an address under one of the prefixes is about. */
    static DiscussionKind kindOf(String uri) {
        if (uri.startsWith("/changes/") || uri.startsWith("/api/v1/changes/")) {
            return DiscussionKind.CHANGE_REQUEST;
        }
        return uri.startsWith("/diffs/") || uri.startsWith("/api/v1/diffs/") ? DiscussionKind.RELEASE_DIFF
                : DiscussionKind.PACKAGE_REVIEW;
    }

    /** The page prefix ({@code reviews}, {@code changes} or {@code diffs}) of an address, for thread fragments. */
    static String segmentOf(String uri) {
        return kindOf(uri).path(0).split("/")[1];
    }

    private static String noun(DiscussionKind kind) {
        return switch (kind) {
            case CHANGE_REQUEST -> "change request";
            case RELEASE_DIFF -> "release diff";
            case PACKAGE_REVIEW -> "review";
        };
    }
}
