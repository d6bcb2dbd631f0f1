package dev.assay.server.pipeline.matrix;

/** The matrix's queue on Postgres. */
class PythonMatrixQueueOnPostgresTest extends PythonMatrixQueueContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
