package dev.assay.server.pipeline;

/** The sandboxed pipeline on H2. */
class SandboxedPipelineOnH2Test extends SandboxedPipelineContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
