package dev.assay.server.git;

/** The git REST API and project creation on H2. */
class GitApiOnH2Test extends GitApiContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
