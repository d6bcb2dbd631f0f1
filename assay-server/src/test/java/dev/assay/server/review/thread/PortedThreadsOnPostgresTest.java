package dev.assay.server.review.thread;

/** Ported threads on PostgreSQL. */
class PortedThreadsOnPostgresTest extends PortedThreadsContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
