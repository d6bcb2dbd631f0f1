package dev.assay.server.pipeline.plugins;

import java.sql.Timestamp;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL of the task switches. */
@Repository
public class TaskSwitchRepository {

    private final JdbcClient jdbc;

    TaskSwitchRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every switch ever set, by name. */
    List<TaskSwitch> all() {
        return jdbc.sql("SELECT name, enabled, changed_by, changed_at FROM task_switches ORDER BY name")
                .query((row, n) -> new TaskSwitch(row.getString("name"), row.getBoolean("enabled"),
                        row.getString("changed_by"), row.getTimestamp("changed_at").toInstant()))
                .list();
    }

    /** Sets the switch of {@code change.name()}, replacing an earlier one. */
    void save(TaskSwitch change) {
        // Update first; two servers inserting the same new switch at once: the loser's update then finds the row.
        for (int attempt = 0; attempt < 2; attempt++) {
            int updated = jdbc.sql("UPDATE task_switches SET enabled = :enabled, changed_by = :by, changed_at = :at "
                            + "WHERE name = :name")
                    .param("enabled", change.enabled()).param("by", change.changedBy())
                    .param("at", Timestamp.from(change.changedAt())).param("name", change.name()).update();
            if (updated > 0) {
                return;
            }
            int inserted = jdbc.sql("INSERT INTO task_switches (name, enabled, changed_by, changed_at) "
                            + "VALUES (:name, :enabled, :by, :at) ON CONFLICT DO NOTHING")
                    .param("name", change.name()).param("enabled", change.enabled()).param("by", change.changedBy())
                    .param("at", Timestamp.from(change.changedAt())).update();
            if (inserted > 0) {
                return;
            }
        }
    }
}
