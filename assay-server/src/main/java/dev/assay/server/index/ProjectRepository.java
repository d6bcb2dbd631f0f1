package dev.assay.server.index;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.assay.packaging.name.ProjectName;

/** The SQL for projects and project roles. */
@Repository
public class ProjectRepository {

    private static final String SELECT =
            "SELECT id, name, normalized_name, summary, created_at, last_serial, visibility, held FROM projects";

    /**
     * The SQL form of the visibility rule ({@link ProjectService#mayRead}) for a projects row aliased {@code p}:
     * true when the reader bound by {@link #bindReader} may read it.
     */
    public static final String READABLE = " ((p.visibility = 'public' AND NOT p.held) OR :readsAll"
            + " OR (:readerProject IN ('', p.normalized_name) AND ((p.held AND :readsHeld)"
            + " OR EXISTS (SELECT 1 FROM project_roles rr WHERE rr.project_id = p.id AND rr.user_id = :readerId)))) ";

    /** A user's role on a project, as listed on the project's page. */
    public record Member(long userId, String userName, ProjectRole role) {
    }

    /** A project a user holds a role on, as their pages list it. */
    public record Membership(Project project, ProjectRole role) {
    }

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    public ProjectRepository(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    public Optional<Project> findByNormalizedName(String normalizedName) {
        return jdbc.sql(SELECT + " WHERE normalized_name = :name").param("name", normalizedName)
                .query(ProjectRepository::project).optional();
    }

    public Optional<Project> findById(long id) {
        return jdbc.sql(SELECT + " WHERE id = :id").param("id", id).query(ProjectRepository::project).optional();
    }

    /** The projects the user holds a role on that the reader may read, with that role, by name. */
    public List<Membership> memberProjects(long userId, Reader reader) {
        return bindReader(jdbc.sql("SELECT p.*, m.role AS member_role FROM (" + SELECT + ") p"
                + " JOIN project_roles m ON m.project_id = p.id AND m.user_id = :member WHERE " + READABLE
                + " ORDER BY p.normalized_name"), reader).param("member", userId)
                .query((rs, row) -> new Membership(project(rs, row), ProjectRole.ofKey(rs.getString("member_role"))))
                .list();
    }

    /** The project row, locked until the transaction ends, so concurrent uploads to it queue. */
    public Optional<Project> lockByNormalizedName(String normalizedName) {
        return jdbc.sql(SELECT + " WHERE normalized_name = :name FOR UPDATE").param("name", normalizedName)
                .query(ProjectRepository::project).optional();
    }

    public List<String> allNormalizedNames() {
        return jdbc.sql("SELECT normalized_name FROM projects ORDER BY normalized_name").query(String.class).list();
    }

    public long insert(String name, String normalizedName, Instant createdAt) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO projects (name, normalized_name, ultranormalized_name, created_at) "
                        + "VALUES (:name, :normalized, :ultranormalized, :at)")
                .param("name", name).param("normalized", normalizedName)
                .param("ultranormalized", ProjectName.ultranormalize(name)).param("at", utc(createdAt))
                .update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        changed(id, true);
        return id;
    }

    /**
     * Waits for, then holds until the transaction ends, the lock every creation of a project takes first: creations
     * run one at a time, each seeing the projects the ones before it committed.
     */
    public void lockCreation() {
        jdbc.sql("SELECT id FROM project_creation_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
    }

    /**
     * Inserts the project unless one with its normalised name exists, committed or being inserted by another
     * transaction (which this one then waits for); true when this call inserted it. Never a unique violation,
     * which on PostgreSQL would abort the whole transaction.
     */
    public boolean insertIfAbsent(String name, String normalizedName, Instant createdAt, boolean held) {
        boolean inserted = jdbc.sql("INSERT INTO projects (name, normalized_name, ultranormalized_name, created_at, held) "
                        + "VALUES (:name, :normalized, :ultranormalized, :at, :held) ON CONFLICT DO NOTHING")
                .param("name", name).param("normalized", normalizedName).param("held", held)
                .param("ultranormalized", ProjectName.ultranormalize(name)).param("at", utc(createdAt))
                .update() == 1;
        if (inserted) {
            changed(0, true);
        }
        return inserted;
    }

    /** The projects whose names are look-alikes of this one ({@link ProjectName#ultranormalized()}). */
    public List<Project> findByUltranormalizedName(String ultranormalizedName) {
        return jdbc.sql(SELECT + " WHERE ultranormalized_name = :name ORDER BY id")
                .param("name", ultranormalizedName).query(ProjectRepository::project).list();
    }

    public void setRole(long projectId, long userId, ProjectRole role) {
        jdbc.sql("DELETE FROM project_roles WHERE project_id = :project AND user_id = :user")
                .param("project", projectId).param("user", userId).update();
        jdbc.sql("INSERT INTO project_roles (project_id, user_id, role) VALUES (:project, :user, :role)")
                .param("project", projectId).param("user", userId).param("role", role.key()).update();
    }

    public boolean removeRole(long projectId, long userId) {
        return jdbc.sql("DELETE FROM project_roles WHERE project_id = :project AND user_id = :user")
                .param("project", projectId).param("user", userId).update() > 0;
    }

    public Optional<ProjectRole> roleOf(long projectId, long userId) {
        return jdbc.sql("SELECT role FROM project_roles WHERE project_id = :project AND user_id = :user")
                .param("project", projectId).param("user", userId)
                .query((rs, row) -> ProjectRole.ofKey(rs.getString("role"))).optional();
    }

    public List<Member> members(long projectId) {
        return jdbc.sql("""
                SELECT r.user_id, u.name, r.role FROM project_roles r JOIN users u ON u.id = r.user_id
                WHERE r.project_id = :project ORDER BY r.role, u.name_key""")
                .param("project", projectId)
                .query((rs, row) -> new Member(rs.getLong("user_id"), rs.getString("name"),
                        ProjectRole.ofKey(rs.getString("role"))))
                .list();
    }

    /** Binds the parameters of {@link #READABLE} to the reader. */
    public static JdbcClient.StatementSpec bindReader(JdbcClient.StatementSpec statement, Reader reader) {
        return statement.param("readsAll", reader.readsAll()).param("readsHeld", reader.readsHeld())
                .param("readerProject", reader.onlyProject())
                .param("readerId", reader.userId());
    }

    public void setVisibility(long projectId, Visibility visibility) {
        jdbc.sql("UPDATE projects SET visibility = :visibility WHERE id = :id")
                .param("visibility", visibility.key()).param("id", projectId).update();
        changed(projectId, true);
    }

    /** Lifts the hold of a project whose package review was approved (the caller bumps the serial). */
    public void release(long projectId) {
        jdbc.sql("UPDATE projects SET held = FALSE WHERE id = :id").param("id", projectId).update();
        changed(projectId, true);
    }

    /** Holds the project again for its package review (the caller bumps the serial). */
    public void hold(long projectId) {
        jdbc.sql("UPDATE projects SET held = TRUE WHERE id = :id").param("id", projectId).update();
        changed(projectId, true);
    }

    /** Records that what the index serves for the project changed; caches keyed on the serial expire. */
    public void touch(long projectId, String summary) {
        jdbc.sql("UPDATE projects SET last_serial = last_serial + 1, summary = COALESCE(:summary, summary) WHERE id = :id")
                .param("summary", summary).param("id", projectId).update();
        changed(projectId, false);
    }

    /**
     * Bumps the database-wide change serials (V28) in the changing transaction, whose row lock keeps other servers
     * from seeing the new value before the change itself, and tells this server's page caches after the commit.
     */
    private void changed(long projectId, boolean listChanged) {
        jdbc.sql("UPDATE index_changes SET serial = serial + 1"
                + (listChanged ? ", list_serial = list_serial + 1" : "") + " WHERE id = 1").update();
        events.publishEvent(new IndexChanged(projectId, listChanged));
    }

    /** The change serials of {@link #changed}: every page's, and the project list's. */
    public ChangeSerials changeSerials() {
        return jdbc.sql("SELECT serial, list_serial FROM index_changes WHERE id = 1")
                .query((rs, row) -> new ChangeSerials(rs.getLong("serial"), rs.getLong("list_serial"))).single();
    }

    public long totalFileSize(long projectId) {
        return jdbc.sql("""
                SELECT COALESCE(SUM(f.size), 0) FROM distribution_files f JOIN releases r ON r.id = f.release_id
                WHERE r.project_id = :project""")
                .param("project", projectId).query(Long.class).single();
    }

    static Project project(ResultSet rs, int row) throws SQLException {
        return new Project(rs.getLong("id"), rs.getString("name"), rs.getString("normalized_name"),
                rs.getString("summary"), instant(rs, "created_at"), rs.getLong("last_serial"),
                Visibility.ofKey(rs.getString("visibility")), rs.getBoolean("held"));
    }
}
