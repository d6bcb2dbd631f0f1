package dev.assay.server.upstream.config;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL for upstream indexes. */
@Repository
public class UpstreamRepository {

    private static final String COLUMNS =
            "id, url, username, password, priority, quarantine_days, from_startup, enabled, created_at, vet_new_files";

    private final JdbcClient jdbc;

    UpstreamRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every upstream, lowest priority first. */
    public List<Upstream> list() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM upstreams ORDER BY priority, id")
                .query((rs, row) -> upstream(rs)).list();
    }

    /** The upstreams asked for names Assay does not host, in the order they are asked. */
    public List<Upstream> enabled() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM upstreams WHERE enabled ORDER BY priority, id")
                .query((rs, row) -> upstream(rs)).list();
    }

    public Optional<Upstream> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM upstreams WHERE id = :id").param("id", id)
                .query((rs, row) -> upstream(rs)).optional();
    }

    public Optional<Upstream> findByUrl(String url) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM upstreams WHERE url = :url").param("url", url)
                .query((rs, row) -> upstream(rs)).optional();
    }

    /** Adds an upstream; returns its id. */
    public long insert(String url, Optional<String> username, Optional<String> password, int priority,
            int quarantineDays, boolean fromStartup, Instant createdAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO upstreams (url, username, password, priority, quarantine_days, from_startup, enabled,
                    created_at)
                VALUES (:url, :username, :password, :priority, :quarantine, :startup, TRUE, :at)""")
                .param("url", url).param("username", username.orElse(null)).param("password", password.orElse(null))
                .param("priority", priority).param("quarantine", quarantineDays).param("startup", fromStartup)
                .param("at", utc(createdAt)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /**
     * Adds an upstream the start-up configuration names unless its URL is already there (another server starting
     * at the same moment may have added it: the unique URL decides, without an error).
     */
    public void insertIfAbsent(String url, UpstreamCredentials credentials, int priority, Instant createdAt) {
        jdbc.sql("""
                INSERT INTO upstreams (url, username, password, priority, quarantine_days, from_startup, enabled,
                    created_at)
                VALUES (:url, :username, :password, :priority, 0, TRUE, TRUE, :at) ON CONFLICT DO NOTHING""")
                .param("url", url).param("username", credentials.username().orElse(null))
                .param("password", credentials.password().orElse(null)).param("priority", priority)
                .param("at", utc(createdAt)).update();
    }

    /** Marks an upstream as named by the start-up configuration, at the priority its place there gives. */
    public void adoptFromStartup(long id, int priority) {
        jdbc.sql("UPDATE upstreams SET from_startup = TRUE, priority = :priority WHERE id = :id")
                .param("priority", priority).param("id", id).update();
    }

    /** Changes what an administrator may change; returns whether the upstream exists. */
    public boolean update(long id, int priority, int quarantineDays, boolean enabled) {
        return jdbc.sql("""
                UPDATE upstreams SET priority = :priority, quarantine_days = :quarantine, enabled = :enabled
                WHERE id = :id""")
                .param("priority", priority).param("quarantine", quarantineDays).param("enabled", enabled)
                .param("id", id).update() > 0;
    }

    /** Sets whether every file newly kept from the upstream runs through the pipeline. */
    public void changeVetNewFiles(long id, boolean vetNewFiles) {
        jdbc.sql("UPDATE upstreams SET vet_new_files = :vet WHERE id = :id").param("vet", vetNewFiles).param("id", id)
                .update();
    }

    /** Replaces the credentials (both empty: none). */
    public void changeCredentials(long id, Optional<String> username, Optional<String> password) {
        jdbc.sql("UPDATE upstreams SET username = :username, password = :password WHERE id = :id")
                .param("username", username.orElse(null)).param("password", password.orElse(null)).param("id", id)
                .update();
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM upstreams WHERE id = :id").param("id", id).update() > 0;
    }

    /** The priority after every upstream's, for a new one. */
    public int nextPriority() {
        return jdbc.sql("SELECT COALESCE(MAX(priority), 0) + 10 FROM upstreams").query(Integer.class).single();
    }

    private static Upstream upstream(ResultSet rs) throws SQLException {
        return new Upstream(rs.getLong("id"), rs.getString("url"), Optional.ofNullable(rs.getString("username")),
                Optional.ofNullable(rs.getString("password")), rs.getInt("priority"), rs.getInt("quarantine_days"),
                rs.getBoolean("from_startup"), rs.getBoolean("enabled"), instant(rs, "created_at"),
                rs.getBoolean("vet_new_files"));
    }
}
