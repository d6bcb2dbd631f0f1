package dev.assay.server.error;

import org.springframework.http.HttpStatus;

/** An upstream server Assay relies on failed (unreachable, an error, a malformed answer, a wrong hash). */
public class BadGatewayException extends AssayException {
    public BadGatewayException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_GATEWAY;
    }
}
