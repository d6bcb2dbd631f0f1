package dev.assay.server.upstream.config;

/** The upstreams of the start-up configuration on H2. */
class UpstreamStartupOnH2Test extends UpstreamStartupContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
