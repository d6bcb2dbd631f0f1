package dev.assay.server.web;

/** Finding one's way on H2. */
class NavigationOnH2Test extends NavigationContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
