package dev.assay.server.review.thread.tracker;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL for the issue-tracker patterns an administrator configured. */
@Repository
class TrackerPatternRepository {

    private final JdbcClient jdbc;

    TrackerPatternRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<TrackerPattern> all() {
        return jdbc.sql("SELECT id, pattern, url_template, created_at FROM tracker_patterns ORDER BY id")
                .query((rs, row) -> new TrackerPattern(rs.getLong("id"), rs.getString("pattern"),
                        rs.getString("url_template"), instant(rs, "created_at"))).list();
    }

    long insert(String pattern, String urlTemplate, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO tracker_patterns (pattern, url_template, created_at) VALUES (:pattern, :url, :at)")
                .param("pattern", pattern).param("url", urlTemplate).param("at", utc(at)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    boolean delete(long id) {
        return jdbc.sql("DELETE FROM tracker_patterns WHERE id = :id").param("id", id).update() > 0;
    }
}
