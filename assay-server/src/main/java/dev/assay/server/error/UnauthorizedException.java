package dev.assay.server.error;

import org.springframework.http.HttpStatus;

/** The caller must authenticate first. */
public class UnauthorizedException extends AssayException {
    public UnauthorizedException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UNAUTHORIZED;
    }
}
