package dev.assay.server.upstream.admin;

/** The upstream admin API and page on H2. */
class UpstreamAdminOnH2Test extends UpstreamAdminContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
