package dev.assay.server.index.description;

/** Rendered reStructuredText descriptions kept on PostgreSQL. */
class RstRenderingOnPostgresTest extends RstRenderingContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
