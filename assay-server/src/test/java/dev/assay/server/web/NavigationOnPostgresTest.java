package dev.assay.server.web;

/** Finding one's way on PostgreSQL. */
class NavigationOnPostgresTest extends NavigationContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
