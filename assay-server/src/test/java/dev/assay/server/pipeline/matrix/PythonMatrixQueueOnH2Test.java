package dev.assay.server.pipeline.matrix;

/** The matrix's queue on H2. */
class PythonMatrixQueueOnH2Test extends PythonMatrixQueueContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
