package dev.assay.server.pipeline.workers;

/**
 * Remote workers, on PostgreSQL only (the database several machines share): the claims and leases themselves are
 * tested on both databases by the queue's contracts; what this adds is a worker process running real jobs.
 */
class RemoteWorkerOnPostgresTest extends RemoteWorkerContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
