package dev.assay.server.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.ModelAndView;

import dev.assay.server.config.UploadLimits;

/**
 * Turns domain exceptions into responses: a problem document for API clients, an error page for
 * people using a browser.
 */
@ControllerAdvice
public class AssayExceptionAdvice {

    private static final Logger LOG = LoggerFactory.getLogger(AssayExceptionAdvice.class);
    private static final String CHALLENGE = "Basic realm=\"Assay\"";
    private static final String RETRY_AFTER_SECONDS = "10";

    private final UploadLimits uploadLimits;

    public AssayExceptionAdvice(UploadLimits uploadLimits) {
        this.uploadLimits = uploadLimits;
    }

    @ExceptionHandler(AssayException.class)
    public Object handle(AssayException failure, HttpServletRequest request, HttpServletResponse response) {
        if (failure.status() == HttpStatus.UNAUTHORIZED) {
            // whatever the representation: pip asks for HTML too, and sends credentials only after this challenge
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
        }
        if (isUpload(request)) {
            // twine shows this body with --verbose; servlet containers no longer send custom reason phrases
            return ResponseEntity.status(failure.status()).contentType(MediaType.TEXT_PLAIN)
                    .body(failure.status().value() + " " + failure.getMessage() + "\n");
        }
        if (wantsMachineAnswer(request)) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(failure.status(), failure.getMessage());
            return ResponseEntity.status(failure.status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        ModelAndView page = new ModelAndView("error/failure");
        page.setStatus(failure.status());
        page.addObject("status", failure.status().value());
        page.addObject("reason", failure.status().getReasonPhrase());
        page.addObject("message", failure.getMessage());
        return page;
    }

    /**
     * A statement that ran into its time limit (H2 and PostgreSQL cancel it) is the server's load or size, not the
     * request's fault: 503 with a Retry-After and a message, never a 500 with a stack trace.
     */
    @ExceptionHandler(QueryTimeoutException.class)
    public Object tooSlow(QueryTimeoutException failure, HttpServletRequest request, HttpServletResponse response) {
        LOG.warn("{} {}: a statement ran into its time limit: {}", request.getMethod(), request.getRequestURI(),
                failure.getMostSpecificCause().toString());
        response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        return handle(new BusyException("The database took too long to answer: try again in a moment"
                + " (a search with more or longer words is answered sooner)"), request, response);
    }

    @ExceptionHandler(MultipartException.class)
    public Object unparsable(MultipartException failure, HttpServletRequest request, HttpServletResponse response) {
        return handle(MultipartProblems.explain(failure, uploadLimits), request, response);
    }

    private static boolean isUpload(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length()).startsWith("/legacy");
    }

    private static boolean wantsMachineAnswer(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/") || path.startsWith("/pypi/")) {
            return true;
        }
        String accept = request.getHeader("Accept");
        return accept != null && accept.contains("json") && !accept.contains("text/html");
    }
}
