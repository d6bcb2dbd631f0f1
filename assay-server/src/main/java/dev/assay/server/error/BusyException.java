package dev.assay.server.error;

import org.springframework.http.HttpStatus;

/** The database did not answer within a statement's time limit: the server is busy, the request may be repeated. */
public class BusyException extends AssayException {
    public BusyException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.SERVICE_UNAVAILABLE;
    }
}
