package dev.assay.server.pipeline;

/**
 * The upload scenarios, on PostgreSQL only: what they add is the sandbox's behaviour, end to end; how pipeline
 * results, findings, raw data and statuses are stored is tested on both databases by PipelineContract,
 * SandboxedPipelineContract, RawDataContract and ProjectPipelinesContract. PostgreSQL is the stricter of the two
 * (it refuses, for one, a NUL character in text), so the hostile packages' findings are stored there.
 */
class UploadScenariosOnPostgresTest extends UploadScenariosContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
