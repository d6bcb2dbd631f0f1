package dev.assay.server.pipeline.fleet;

import org.springframework.http.HttpStatus;

import dev.assay.server.error.AssayException;

/**
 * A worker the server will not work with whatever it retries, such as one of another Assay version: 426, which
 * {@code assay worker} takes as the order to stop, with this message.
 */
public class WorkerRefusedException extends AssayException {

    public WorkerRefusedException(String message) {
        super(message);
    }

    @Override
    public HttpStatus status() {
        return HttpStatus.UPGRADE_REQUIRED;
    }
}
