package dev.assay.server.error;

import org.springframework.http.HttpStatus;

/** The thing asked for does not exist (or is not visible to the caller). */
public class NotFoundException extends AssayException {
    public NotFoundException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_FOUND;
    }
}
