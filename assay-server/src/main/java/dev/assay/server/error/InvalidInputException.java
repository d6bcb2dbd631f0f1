package dev.assay.server.error;

import org.springframework.http.HttpStatus;

/** The request's input is malformed; the message says what to fix. */
public class InvalidInputException extends AssayException {
    public InvalidInputException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.BAD_REQUEST;
    }
}
