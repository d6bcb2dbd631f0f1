package dev.assay.server.upstream.rules;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The SQL for the rules on which names may come from upstream. */
@Repository
public class NameRuleRepository {

    private final JdbcClient jdbc;

    NameRuleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every rule, by pattern. */
    public List<NameRule> list() {
        return jdbc.sql("""
                SELECT r.id, r.pattern, r.action, r.reason, u.name AS created_by, r.created_at
                FROM upstream_name_rules r LEFT JOIN users u ON u.id = r.created_by ORDER BY r.pattern""")
                .query((rs, row) -> rule(rs)).list();
    }

    public boolean exists(String pattern) {
        return jdbc.sql("SELECT COUNT(*) FROM upstream_name_rules WHERE pattern = :pattern")
                .param("pattern", pattern).query(Long.class).single() > 0;
    }

    /** Adds a rule; returns its id. */
    public long insert(String pattern, NameRule.Action action, Optional<String> reason, Optional<Long> createdBy,
            Instant createdAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO upstream_name_rules (pattern, action, reason, created_by, created_at)
                VALUES (:pattern, :action, :reason, :by, :at)""")
                .param("pattern", pattern).param("action", action.word()).param("reason", reason.orElse(null))
                .param("by", createdBy.orElse(null)).param("at", utc(createdAt)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    public boolean delete(long id) {
        return jdbc.sql("DELETE FROM upstream_name_rules WHERE id = :id").param("id", id).update() > 0;
    }

    private static NameRule rule(ResultSet rs) throws SQLException {
        return new NameRule(rs.getLong("id"), rs.getString("pattern"),
                NameRule.Action.valueOf(rs.getString("action").toUpperCase(Locale.ROOT)),
                Optional.ofNullable(rs.getString("reason")), Optional.ofNullable(rs.getString("created_by")),
                instant(rs, "created_at"));
    }
}
