package dev.assay.server.pipeline;

/**
 * The sandboxed pipeline, on the embedded H2 only: the sandbox is what it tests; the queue and reports are
 * tested on both databases by their own contracts, and pipelines on PostgreSQL by the remote workers' and upload scenarios' tests.
 */
class SandboxedPipelineOnH2Test extends SandboxedPipelineContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
