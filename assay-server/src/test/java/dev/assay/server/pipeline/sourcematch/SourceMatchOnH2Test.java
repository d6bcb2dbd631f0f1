package dev.assay.server.pipeline.sourcematch;

/** Source matching on H2. */
class SourceMatchOnH2Test extends SourceMatchContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
