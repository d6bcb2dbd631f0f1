package dev.assay.server.git;

/** Project visibility on H2. */
class VisibilityOnH2Test extends VisibilityContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
