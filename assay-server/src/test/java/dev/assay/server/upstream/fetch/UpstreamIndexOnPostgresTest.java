package dev.assay.server.upstream.fetch;

/** The upstream index and its page cache on PostgreSQL. */
class UpstreamIndexOnPostgresTest extends UpstreamIndexContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
