package dev.assay.server.web;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Treats an {@code Accept} header that Spring's media type parser fails on with an unexpected exception (e.g.
 * {@code "?rd+.H/+}: a {@code StringIndexOutOfBoundsException}) as absent, as PyPI treats a malformed one. Left
 * in place, it turned any error answer into a 500, raised again while choosing the error's representation.
 * Headers the parser refuses properly still get Spring's own answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnparseableAcceptFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String accept = request.getHeader(HttpHeaders.ACCEPT);
        chain.doFilter(accept == null || parses(accept) ? request : new WithoutAccept(request), response);
    }

    static boolean parses(String accept) {
        try {
            MediaType.parseMediaTypes(accept);
            return true;
        } catch (InvalidMediaTypeException refused) {
            return true;
        } catch (RuntimeException parserFailure) {
            return false;
        }
    }

    /** The request as if it carried no {@code Accept} header. */
    private static final class WithoutAccept extends HttpServletRequestWrapper {
        WithoutAccept(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.ACCEPT.equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }

        @Override
        public Enumeration<String> getHeaderNames() {
            return Collections.enumeration(Collections.list(super.getHeaderNames()).stream()
                    .filter(name -> !HttpHeaders.ACCEPT.equalsIgnoreCase(name)).toList());
        }
    }
}
