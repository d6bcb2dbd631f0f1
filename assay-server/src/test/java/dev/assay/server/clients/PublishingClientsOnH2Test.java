package dev.assay.server.clients;

/** {@link PublishingClientsContract} on H2. */
class PublishingClientsOnH2Test extends PublishingClientsContract {
    @Override
    String databaseKind() {
        return "h2";
    }
}
