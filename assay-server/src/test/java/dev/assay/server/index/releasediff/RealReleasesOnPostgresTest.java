package dev.assay.server.index.releasediff;

/** The trust features over real releases of the local PyPI mirror, on PostgreSQL. */
class RealReleasesOnPostgresTest extends RealReleasesContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
