package dev.assay.server.logging;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Gives every HTTP request its id, echoed in the response and present in every log line written while serving it. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestIdFilter extends OncePerRequestFilter {

    private static final String ATTRIBUTE = RequestIdFilter.class.getName();

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object earlier = request.getAttribute(ATTRIBUTE);
        String id = earlier instanceof String kept ? kept : RequestIds.accept(request.getHeader(RequestIds.HEADER));
        request.setAttribute(ATTRIBUTE, id);
        response.setHeader(RequestIds.HEADER, id);
        try (MDC.MDCCloseable scope = MDC.putCloseable(RequestIds.MDC_KEY, id)) {
            chain.doFilter(request, response);
        }
    }

    // an error dispatch logs too, and must carry the id of its request (kept in an attribute)
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
