package dev.assay.server.pipeline.fleet;

import dev.assay.server.pipeline.WorkerIdentity;
import dev.assay.server.pipeline.WorkerOffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The SQL for the workers a server has seen. */
@Repository
public class WorkerRepository {

    private static final String COLUMNS = "id, holder, kind, name, host, token_id, version, interpreters, tasks, "
            + "first_seen, last_seen, state";

    private final JdbcClient jdbc;
    private final JsonMapper json;

    WorkerRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Records that {@code worker} claimed at {@code now} offering {@code offer}: a new row, or the known one updated. */
    void seen(WorkerIdentity worker, WorkerOffer offer, Instant now) {
        String interpreters = json.writeValueAsString(offer.interpreters());
        String tasks = json.writeValueAsString(offer.tasks());
        // Update first: a worker claims every few seconds, and it is new only once. Two servers inserting the same
        // new worker at once: the loser's insert does nothing and its update then finds the row.
        for (int attempt = 0; attempt < 2; attempt++) {
            int updated = jdbc.sql("""
                    UPDATE workers SET kind = :kind, name = :name, host = :host, token_id = :token, version = :version,
                        interpreters = :interpreters, tasks = :tasks, last_seen = :now WHERE holder = :holder""")
                    .param("kind", worker.kind()).param("name", worker.name()).param("host", worker.host())
                    .param("token", worker.tokenId()).param("version", offer.version())
                    .param("interpreters", interpreters).param("tasks", tasks)
                    .param("now", Timestamp.from(now)).param("holder", worker.holder()).update();
            if (updated > 0) {
                return;
            }
            int inserted = jdbc.sql("""
                    INSERT INTO workers (holder, kind, name, host, token_id, version, interpreters, tasks, first_seen,
                        last_seen)
                    VALUES (:holder, :kind, :name, :host, :token, :version, :interpreters, :tasks, :now, :now)
                    ON CONFLICT DO NOTHING""")
                    .param("holder", worker.holder()).param("kind", worker.kind()).param("name", worker.name())
                    .param("host", worker.host()).param("token", worker.tokenId()).param("version", offer.version())
                    .param("interpreters", interpreters).param("tasks", tasks)
                    .param("now", Timestamp.from(now)).update();
            if (inserted > 0) {
                return;
            }
        }
    }

    /** Every worker seen, the most recently seen first. */
    List<KnownWorker> all() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM workers ORDER BY last_seen DESC, id").query(this::known).list();
    }

    /** The worker known by this holder name; empty for one never seen. */
    Optional<KnownWorker> byHolder(String holder) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM workers WHERE holder = :holder").param("holder", holder)
                .query(this::known).optional();
    }

    /** Sets the worker's state; false when there is no such worker. */
    boolean changeState(long id, String state, String by, Instant now) {
        return jdbc.sql("""
                UPDATE workers SET state = :state, state_changed_by = :by, state_changed_at = :now WHERE id = :id""")
                .param("state", state).param("by", by).param("now", Timestamp.from(now)).param("id", id)
                .update() == 1;
    }

    Optional<KnownWorker> find(long id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM workers WHERE id = :id").param("id", id).query(this::known)
                .optional();
    }

    private KnownWorker known(ResultSet row, int number) throws SQLException {
        long token = row.getLong("token_id");
        Long tokenId = row.wasNull() ? null : token;
        WorkerOffer offer = new WorkerOffer(row.getString("version"),
                json.readValue(row.getString("interpreters"), new TypeReference<List<WorkerOffer.Interpreter>>() { }),
                json.readValue(row.getString("tasks"), new TypeReference<List<String>>() { }));
        return new KnownWorker(row.getLong("id"), row.getString("holder"), row.getString("kind"),
                row.getString("name"), row.getString("host"), tokenId, offer,
                row.getTimestamp("first_seen").toInstant(), row.getTimestamp("last_seen").toInstant(),
                row.getString("state"));
    }
}
