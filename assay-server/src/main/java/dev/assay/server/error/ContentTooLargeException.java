package dev.assay.server.error;

import org.springframework.http.HttpStatus;

/** The request's body is larger than the server accepts. */
public class ContentTooLargeException extends AssayException {
    public ContentTooLargeException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.PAYLOAD_TOO_LARGE;
    }
}
