package dev.assay.server.index.releasediff;

/** The trust features over real releases of the local PyPI mirror, on H2. */
class RealReleasesOnH2Test extends RealReleasesContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
