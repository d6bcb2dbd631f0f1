package dev.assay.server.git;

/** Pushes around change requests on H2. */
class ChangePushOnH2Test extends ChangePushContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
