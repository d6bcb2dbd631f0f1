package dev.assay.server.upstream.admin;

/** The upstream admin API and page on PostgreSQL. */
class UpstreamAdminOnPostgresTest extends UpstreamAdminContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
