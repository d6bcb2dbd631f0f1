package dev.assay.server.review.thread;

/** Threads on PostgreSQL. */
class ThreadsOnPostgresTest extends ThreadsContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
