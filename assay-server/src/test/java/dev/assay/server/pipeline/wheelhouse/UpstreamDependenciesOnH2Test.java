package dev.assay.server.pipeline.wheelhouse;

/**
 * Dependencies staged from upstream, end to end, on the embedded H2 only: the upstream page cache is tested on
 * both databases by the pull-through contracts; the cost here is the sandboxed pipelines.
 */
class UpstreamDependenciesOnH2Test extends UpstreamDependenciesContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
