package dev.assay.server.review.thread;

/** Threads on H2. */
class ThreadsOnH2Test extends ThreadsContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
