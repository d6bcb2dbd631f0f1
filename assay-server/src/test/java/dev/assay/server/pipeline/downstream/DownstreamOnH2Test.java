package dev.assay.server.pipeline.downstream;

/** A library release that breaks its dependent's test, re-tested by the real sandboxed pipeline, on H2. */
class DownstreamOnH2Test extends DownstreamContract {

    @Override
    protected String databaseKind() {
        return "h2";
    }
}
