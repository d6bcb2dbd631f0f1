package dev.assay.server.error;

import org.springframework.http.HttpStatus;

/** A domain failure a service raises; one advice turns it into an HTTP status and a message. */
public abstract class AssayException extends RuntimeException {
    protected AssayException(String message) {
        super(message);
    }

    /** The HTTP status a client receives for this failure. */
    public abstract HttpStatus status();
}
