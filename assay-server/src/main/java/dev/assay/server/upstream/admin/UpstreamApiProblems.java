package dev.assay.server.upstream.admin;

import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers the upstream admin API's malformed requests (a body that is not JSON, a number that is not one, an id
 * that is not a number) with RFC 9457 problems, as its own refusals are.
 */
@RestControllerAdvice(assignableTypes = {UpstreamApiController.class, UpstreamRuleApiController.class})
class UpstreamApiProblems extends ResponseEntityExceptionHandler {
}
