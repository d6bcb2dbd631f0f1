package dev.assay.server.index.description;

/** reStructuredText descriptions rendered in the sandbox, on PostgreSQL. */
class RstDescriptionOnPostgresTest extends RstDescriptionContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
