package dev.assay.server.pipeline.wheelhouse;

/** Dependencies staged from upstream, end to end, on H2. */
class UpstreamDependenciesOnH2Test extends UpstreamDependenciesContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
