package dev.assay.server.pipeline.matrix;

/** The Python-version matrix, sandboxed, on H2. */
class PythonMatrixSandboxedOnH2Test extends PythonMatrixSandboxedContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
