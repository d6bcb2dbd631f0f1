package dev.assay.server.error;

import org.springframework.http.HttpStatus;

/** The caller is known but may not do this. */
public class ForbiddenException extends AssayException {
    public ForbiddenException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.FORBIDDEN;
    }
}
