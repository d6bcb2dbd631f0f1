package dev.assay.server.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;

/**
 * The statements of a project's pages and of an upload read one project's rows through indexes, never a whole
 * table: with 100,000 projects a scan costs seconds (bench/scale.sh). H2 only: it keeps the written order of the
 * tables after an outer join, where PostgreSQL's planner reorders them, and its plans name a scan outright.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlansOnH2Test {

    TestDatabase database;
    TestServer server;

    @BeforeAll
    void start(@TempDir Path data) {
        database = TestDatabase.h2(data);
        server = TestServer.start(data, database);
        JdbcClient jdbc = server.bean(JdbcClient.class);
        // a few rows in each table, so that the planner weighs an index lookup against a scan as it would in use
        for (int i = 1; i <= 20; i++) {
            jdbc.sql("INSERT INTO projects (name, normalized_name, ultranormalized_name, created_at) "
                    + "VALUES (:name, :name, :name, CURRENT_TIMESTAMP)").param("name", "plan" + i).update();
            jdbc.sql("INSERT INTO releases (project_id, version, metadata, created_at) SELECT id, '1.0', '', "
                    + "CURRENT_TIMESTAMP FROM projects WHERE name = :name").param("name", "plan" + i).update();
            for (String suffix : new String[] {".tar.gz", "-py3-none-any.whl"}) {
                jdbc.sql("""
                        INSERT INTO distribution_files (release_id, filename, package_type, python_version, size,
                            sha256, md5, blake2_256, uploaded_at)
                        SELECT r.id, :file, 'sdist', 'source', 1, '', '', '', CURRENT_TIMESTAMP
                        FROM releases r JOIN projects p ON p.id = r.project_id WHERE p.name = :name""")
                        .param("file", "plan" + i + "-1.0" + suffix).param("name", "plan" + i).update();
            }
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void filesOfOneProjectAreReadThroughItsReleases() {
        String plan = plan(FileRepository.PROJECT_FILES, "project", 1L);

        assertThat(firstTable(plan)).as(plan).isEqualTo("releases");
        assertThat(plan).doesNotContainIgnoringCase("tableScan");
    }

    /** The table a plan reads first, which H2 writes right after the first FROM. */
    private static String firstTable(String plan) {
        Matcher from = Pattern.compile("FROM \"public\"\\.\"(\\w+)\"").matcher(plan);
        return from.find() ? from.group(1) : plan;
    }

    private String plan(String sql, String name, Object value) {
        return server.bean(JdbcClient.class).sql("EXPLAIN " + sql).param(name, value).query(String.class).single();
    }
}
