package dev.assay.server.pipeline.workers;

/**
 * A worker's missing tools, on PostgreSQL only: what this adds is the worker's behaviour with two sandboxed
 * pipelines; a pipeline's status (error among them), its tasks and the badge are stored and read on both databases
 * by PipelineContract and ProjectPipelinesContract.
 */
class WorkerToolsOnPostgresTest extends WorkerToolsContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
