package dev.assay.server.upstream.config;

/** The upstreams of the start-up configuration on PostgreSQL. */
class UpstreamStartupOnPostgresTest extends UpstreamStartupContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
