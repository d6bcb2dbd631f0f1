package dev.assay.server.apidocs;

/** The API description checked against real answers, on H2. */
class ApiDescriptionOnH2Test extends ApiDescriptionContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
