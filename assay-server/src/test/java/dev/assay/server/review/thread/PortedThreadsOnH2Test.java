package dev.assay.server.review.thread;

/** Ported threads on H2. */
class PortedThreadsOnH2Test extends PortedThreadsContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
