package dev.assay.server.upstream.fetch;

/** The upstream index and its page cache on H2. */
class UpstreamIndexOnH2Test extends UpstreamIndexContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
