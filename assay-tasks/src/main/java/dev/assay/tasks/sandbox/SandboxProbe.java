package dev.assay.tasks.sandbox;

import java.util.Optional;

/** Whether this machine can sandbox jobs: the sandbox when it can, otherwise why not. */
public record SandboxProbe(Optional<Sandbox> sandbox, String report) {

    /** The sandbox, or the reason there is none as an exception for a worker to refuse jobs with. */
    public Sandbox require() throws SandboxUnavailableException {
        return sandbox.orElseThrow(() -> new SandboxUnavailableException(report));
    }
}
