package dev.assay.server.review.change;

import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers the change request API's malformed requests (a body that is not JSON, a number that is not one) with
 * RFC 9457 problems, as its own refusals are.
 */
@RestControllerAdvice(assignableTypes = ChangeApiController.class)
class ChangeApiProblems extends ResponseEntityExceptionHandler {
}
