package dev.assay.server.cli;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;

import dev.assay.server.testing.TestDatabase;

/** The launcher switched to PostgreSQL by the environment variables alone. */
class LauncherOnPostgresIT extends LauncherContract {

    private TestDatabase database;

    @Override
    Map<String, String> databaseEnvironment() {
        database = TestDatabase.postgres();
        return Map.of("ASSAY_DATABASE_URL", database.url(), "ASSAY_DATABASE_USER", database.user(),
                "ASSAY_DATABASE_PASSWORD", database.password());
    }

    @AfterEach
    void dropDatabase() {
        if (database != null) {
            database.close();
        }
    }
}
