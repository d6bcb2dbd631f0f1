package dev.assay.tasks.sandbox;

/** No sandbox can be created on this machine; the message says why. Workers refuse jobs then. */
public final class SandboxUnavailableException extends Exception {

    public SandboxUnavailableException(String message) {
        super(message);
    }
}
