package dev.assay.server.pipeline.wheelhouse;

/** Dependencies staged from upstream, end to end, on PostgreSQL. */
class UpstreamDependenciesOnPostgresTest extends UpstreamDependenciesContract {
    @Override
    protected String databaseKind() {
        return "postgresql";
    }
}
