package dev.assay.server.cli;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;

import dev.assay.server.testing.TestDatabase;

/** The upstream options of the launcher on PostgreSQL. */
class UpstreamLauncherOnPostgresIT extends UpstreamLauncherContract {

    private TestDatabase database;

    @Override
    Map<String, String> databaseEnvironment() {
        if (database == null) {
            database = TestDatabase.postgres();
        }
        return database.launchEnvironment();
    }

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
