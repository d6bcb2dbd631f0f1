package dev.assay.server.git;

/** Push mirrors on H2. */
class MirrorOnH2Test extends MirrorContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
