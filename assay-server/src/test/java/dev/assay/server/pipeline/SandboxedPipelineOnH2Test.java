package dev.assay.server.pipeline;

/** The sandboxed pipeline on H2. */
class SandboxedPipelineOnH2Test extends SandboxedPipelineContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
