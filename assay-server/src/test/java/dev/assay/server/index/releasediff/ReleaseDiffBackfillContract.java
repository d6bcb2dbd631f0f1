package dev.assay.server.index.releasediff;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.TestServer;

/**
 * Release diffs over a project's life: releases uploaded before release diffs existed get theirs when the migration
 * adding them runs; yanking the previous release and deleting the release change what shows.
 */
abstract class ReleaseDiffBackfillContract {

    private static final String PASSWORD = "correct horse battery";

    abstract String databaseKind();

    @Test
    void earlierReleasesGetTheirDiffsThenYankingAndDeletingShowThrough(@TempDir Path data, @TempDir Path build)
            throws Exception {
        try (TestDatabase database = TestDatabase.of(databaseKind(), data)) {
            try (TestServer server = TestServer.start(data, database, Map.of())) {
                server.bean(AccountService.class).create(new NewUser("alice", "alice@example.org", "", PASSWORD,
                        Set.of()));
                for (String version : List.of("1.0", "1.1")) {
                    TestDistributions.Spec spec = new TestDistributions.Spec("old-app", version,
                            List.of("Summary: old " + version), "o");
                    spec.upload(TestDistributions.sdist(build, spec), server.url(), "alice", PASSWORD);
                }
            }
            // the database as it stood before the migration: no release diffs, nothing of their kind
            try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
                statement.executeUpdate("DROP TABLE release_diffs");
                statement.executeUpdate("DELETE FROM discussions WHERE kind = 'release-diff'");
                statement.executeUpdate("DELETE FROM discussion_kinds WHERE name = 'release-diff'");
                statement.executeUpdate("DELETE FROM flyway_schema_history WHERE version = '41'");
            }
            // later migrations stay applied: V41 runs again out of its order, as on a database it never reached
            try (TestServer server = TestServer.start(data, database, Map.of("spring.flyway.out-of-order", true))) {
                assertThat(database.count("SELECT count(*) FROM release_diffs")).isEqualTo(2);
                JsonNode diff = HttpApi.anonymous(server.url()).json("api/v1/projects/old-app/1.1/diff");
                assertThat(diff.get("previous").asText()).isEqualTo("1.0");
                long number = diff.get("discussion").asLong();
                assertThat(number).isPositive();
                HttpResponse<String> created = new HttpApi(server.url(), "alice", PASSWORD).post(
                        "api/v1/diffs/" + number + "/threads",
                        "{\"body\":\"was it?\",\"path\":\"sdist/PKG-INFO\",\"line\":1,\"side\":\"old\"}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

                HttpApi alice = new HttpApi(server.url(), "alice", PASSWORD);
                assertThat(alice.post("api/v1/projects/old-app/releases/1.0/yank", "{\"reason\":\"broken\"}")
                        .statusCode()).isEqualTo(200);
                JsonNode afterYank = alice.json("api/v1/projects/old-app/1.1/diff");
                assertThat(afterYank.get("previous").isNull()).as("a yanked release is nobody's previous").isTrue();
                assertThat(afterYank.get("threads")).hasSize(1);
                assertThat(alice.delete("api/v1/projects/old-app/releases/1.1").statusCode()).isIn(200, 204);
                assertThat(alice.get("api/v1/diffs/" + number + "/threads").statusCode()).isEqualTo(404);
                assertThat(alice.get("diffs/" + number).statusCode()).isEqualTo(404);
            }
        }
    }
}
