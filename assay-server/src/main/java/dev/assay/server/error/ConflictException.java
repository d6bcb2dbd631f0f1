package dev.assay.server.error;

import org.springframework.http.HttpStatus;

/** The request clashes with what already exists. */
public class ConflictException extends AssayException {
    public ConflictException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.CONFLICT;
    }
}
