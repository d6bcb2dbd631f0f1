package dev.assay.server.clients;

/** {@link PublishingClientsContract} on PostgreSQL. */
class PublishingClientsOnPostgresTest extends PublishingClientsContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
