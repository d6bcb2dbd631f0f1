package dev.assay.server.error;

import org.springframework.http.HttpStatus;

/** None of the representations the client accepts can be produced; the message lists those that can. */
public class NotAcceptableException extends AssayException {
    public NotAcceptableException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.NOT_ACCEPTABLE;
    }
}
