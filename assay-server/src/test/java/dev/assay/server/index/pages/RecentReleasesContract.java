package dev.assay.server.index.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.assay.server.index.Reader;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;

/**
 * The newest releases are read page by page in index order, and the visibility rule filters each page: releases of
 * private or held projects newer than several pages never hide the older public ones, nor show to whoever may not
 * read them. Run once per database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RecentReleasesContract {

    TestDatabase database;
    TestServer server;

    abstract String databaseKind();

    @BeforeAll
    void start(@TempDir Path data) {
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 1; i <= 3; i++) {
            release("public-" + i, "public", false, start.plusSeconds(i));
        }
        // more hidden releases, all newer, than the first pages hold (twice the limit, then twice that)
        for (int i = 1; i <= 40; i++) {
            release("private-" + i, "private", false, start.plusSeconds(100 + i));
        }
        release("held-1", "public", true, start.plusSeconds(200));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void anonymousReadersGetTheNewestPublicReleasesBehindManyNewerHiddenOnes() {
        assertThat(names(Reader.ANONYMOUS, 3)).containsExactly("public-3", "public-2", "public-1");
        assertThat(names(Reader.ANONYMOUS, 10)).containsExactly("public-3", "public-2", "public-1");
    }

    @Test
    void readersOfHeldProjectsSeeTheHeldOnesButNoPrivateOne() {
        Reader reviewer = new Reader(-1, false, true, "");

        assertThat(names(reviewer, 2)).containsExactly("held-1", "public-3");
    }

    @Test
    void readersOfEverythingGetTheNewestOfAll() {
        Reader admin = new Reader(-1, true, false, "");

        assertThat(names(admin, 3)).containsExactly("held-1", "private-40", "private-39");
        assertThat(names(admin, 100)).hasSize(44);
    }

    private List<String> names(Reader reader, int limit) {
        return server.bean(BrowseRepository.class).recentReleases(reader, limit).stream()
                .map(ReleaseSummary::projectName).toList();
    }

    private void release(String name, String visibility, boolean held, Instant at) {
        JdbcClient jdbc = server.bean(JdbcClient.class);
        jdbc.sql("INSERT INTO projects (name, normalized_name, ultranormalized_name, visibility, held, created_at) "
                + "VALUES (:name, :name, :name, :visibility, :held, :at)").param("name", name)
                .param("visibility", visibility).param("held", held).param("at", Timestamp.from(at)).update();
        jdbc.sql("INSERT INTO releases (project_id, version, metadata, created_at) "
                + "SELECT id, '1.0', '', :at FROM projects WHERE name = :name")
                .param("name", name).param("at", Timestamp.from(at)).update();
    }
}
