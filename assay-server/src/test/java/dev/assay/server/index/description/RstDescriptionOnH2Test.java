package dev.assay.server.index.description;

/** reStructuredText descriptions rendered in the sandbox, on H2. */
class RstDescriptionOnH2Test extends RstDescriptionContract {
    @Override
    protected String databaseKind() {
        return "h2";
    }
}
