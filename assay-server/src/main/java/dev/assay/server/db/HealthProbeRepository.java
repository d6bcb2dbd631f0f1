package dev.assay.server.db;

import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The one-row {@code health_probe} table, written by every health check. */
@Repository
class HealthProbeRepository {

    // A write stuck behind a lock or a hung database must make the check fail, not hang the health endpoint.
    private static final int TIMEOUT_SECONDS = 5;

    private final JdbcClient jdbc;

    HealthProbeRepository(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setQueryTimeout(TIMEOUT_SECONDS);
        this.jdbc = JdbcClient.create(template);
    }

    /** Records a check; true when the row was written. */
    boolean record(Instant now) {
        return jdbc.sql("UPDATE health_probe SET checked_at = :now WHERE id = 1")
                .param("now", Timestamps.utc(now)).update() == 1;
    }
}
