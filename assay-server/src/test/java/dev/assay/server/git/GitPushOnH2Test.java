package dev.assay.server.git;

/** Git over HTTP on H2. */
class GitPushOnH2Test extends GitPushContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
