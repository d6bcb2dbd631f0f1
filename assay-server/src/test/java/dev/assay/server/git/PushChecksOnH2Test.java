package dev.assay.server.git;

/** Checks of pushed objects and size limits on H2. */
class PushChecksOnH2Test extends PushChecksContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
