package dev.assay.server.clients;

/**
 * {@link PublishingClientsContract} on PostgreSQL only: what it tests is each client's requests, which no
 * database changes; uploads themselves are tested on both databases.
 */
class PublishingClientsOnPostgresTest extends PublishingClientsContract {
    @Override
    String databaseKind() {
        return "postgresql";
    }
}
