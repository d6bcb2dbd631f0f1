package dev.assay.server.index.description;

/** Rendered reStructuredText descriptions kept on H2. */
class RstRenderingOnH2Test extends RstRenderingContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
