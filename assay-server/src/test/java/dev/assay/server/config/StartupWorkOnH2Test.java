package dev.assay.server.config;

/** The start-up work done at start, on H2. */
class StartupWorkOnH2Test extends StartupWorkContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
