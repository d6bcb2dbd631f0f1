package dev.assay.server.apidocs;

/** The API description checked against real answers, on PostgreSQL. */
class ApiDescriptionOnPostgresTest extends ApiDescriptionContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
