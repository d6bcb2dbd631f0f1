package dev.assay.server.review.change;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.Reader;

/** The SQL for change requests, their revisions and their timeline. */
@Repository
public class ChangeRequestRepository {

    private static final String SELECT = """
            SELECT c.discussion_id, c.project_id, p.name AS project_name, d.title, d.author_id, a.name AS author_name,
                   c.source_branch, c.target_branch, c.description, c.state, c.change_key, c.merged_commit,
                   c.closed_by, c.closed_at, c.created_at, c.updated_at
            FROM change_requests c JOIN discussions d ON d.id = c.discussion_id JOIN projects p ON p.id = c.project_id
            JOIN users a ON a.id = d.author_id""";

    private static final String REVISIONS = """
            SELECT r.change_id, r.number, r.commit_id, r.base_commit, r.uploader_id, u.name AS uploader_name,
                   r.created_at
            FROM change_revisions r JOIN users u ON u.id = r.uploader_id""";

    /** What a new change request stores beside its discussion. */
    public record NewChangeRequest(long number, long projectId, String sourceBranch, String targetBranch,
            String description, String changeKey, Instant at) {
    }

    private final JdbcClient jdbc;

    public ChangeRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(NewChangeRequest request) {
        jdbc.sql("""
                INSERT INTO change_requests (discussion_id, project_id, source_branch, target_branch, description,
                    state, change_key, created_at, updated_at)
                VALUES (:number, :project, :source, :target, :description, 'open', :key, :at, :at)""")
                .param("number", request.number()).param("project", request.projectId())
                .param("source", request.sourceBranch()).param("target", request.targetBranch())
                .param("description", request.description()).param("key", request.changeKey())
                .param("at", utc(request.at())).update();
    }

    public Optional<ChangeRequest> find(long number) {
        return jdbc.sql(SELECT + " WHERE c.discussion_id = :number").param("number", number)
                .query(ChangeRequestRepository::changeRequest).optional();
    }

    /** Locks the change request's row until the transaction ends, so that two changes to it queue. */
    public boolean lock(long number) {
        return jdbc.sql("SELECT discussion_id FROM change_requests WHERE discussion_id = :number FOR UPDATE")
                .param("number", number).query(Long.class).optional().isPresent();
    }

    /** The project's open change requests whose source is this branch (short name), oldest first. */
    public List<ChangeRequest> openFromBranch(long projectId, String sourceBranch) {
        return jdbc.sql(SELECT + " WHERE c.project_id = :project AND c.source_branch = :source AND c.state = 'open'"
                        + " ORDER BY c.discussion_id")
                .param("project", projectId).param("source", sourceBranch)
                .query(ChangeRequestRepository::changeRequest).list();
    }

    /** The open change request into {@code targetBranch} whose first revision carried this Change-Id. */
    public Optional<ChangeRequest> openWithKey(long projectId, String targetBranch, String changeKey) {
        return jdbc.sql(SELECT + " WHERE c.project_id = :project AND c.target_branch = :target"
                        + " AND c.change_key = :key AND c.state = 'open' ORDER BY c.discussion_id")
                .param("project", projectId).param("target", targetBranch).param("key", changeKey)
                .query(ChangeRequestRepository::changeRequest).list().stream().findFirst();
    }

    public void updateDescription(long number, String description, Instant at) {
        jdbc.sql("UPDATE change_requests SET description = :description, updated_at = :at WHERE discussion_id = :number")
                .param("description", description).param("at", utc(at)).param("number", number).update();
    }

    /** Moves it to {@code state}; {@code actorId} and {@code at} become its closing when it is not open. */
    public void updateState(long number, ChangeRequestState state, Long actorId, String mergedCommit, Instant at) {
        boolean open = state == ChangeRequestState.OPEN;
        jdbc.sql("""
                UPDATE change_requests SET state = :state, closed_by = :actor, closed_at = :closed,
                    merged_commit = :merged, updated_at = :at
                WHERE discussion_id = :number""")
                .param("state", state.key()).param("actor", open ? null : actorId)
                .param("closed", open ? null : utc(at)).param("merged", mergedCommit).param("at", utc(at))
                .param("number", number).update();
    }

    public void touch(long number, Instant at) {
        jdbc.sql("UPDATE change_requests SET updated_at = :at WHERE discussion_id = :number")
                .param("at", utc(at)).param("number", number).update();
    }

    /** The change request's revisions, oldest (1) first. */
    public List<Revision> revisions(long number) {
        return jdbc.sql(REVISIONS + " WHERE r.change_id = :number ORDER BY r.number").param("number", number)
                .query(ChangeRequestRepository::revision).list();
    }

    public Optional<Revision> revision(long number, int revision) {
        return jdbc.sql(REVISIONS + " WHERE r.change_id = :number AND r.number = :revision")
                .param("number", number).param("revision", revision)
                .query(ChangeRequestRepository::revision).optional();
    }

    public Optional<Revision> latestRevision(long number) {
        return jdbc.sql(REVISIONS + " WHERE r.change_id = :number AND r.number = (SELECT MAX(number)"
                        + " FROM change_revisions WHERE change_id = :number)")
                .param("number", number).query(ChangeRequestRepository::revision).optional();
    }

    public void insertRevision(long number, int revision, String commit, String baseCommit, long uploaderId,
            Instant at) {
        jdbc.sql("""
                INSERT INTO change_revisions (change_id, number, commit_id, base_commit, uploader_id, created_at)
                VALUES (:number, :revision, :commit, :base, :uploader, :at)""")
                .param("number", number).param("revision", revision).param("commit", commit)
                .param("base", baseCommit).param("uploader", uploaderId).param("at", utc(at)).update();
    }

    public void insertEvent(long number, long actorId, String action, String detail, Instant at) {
        jdbc.sql("""
                INSERT INTO change_events (change_id, actor_id, action, detail, created_at)
                VALUES (:number, :actor, :action, :detail, :at)""")
                .param("number", number).param("actor", actorId).param("action", action)
                .param("detail", detail == null ? "" : detail).param("at", utc(at)).update();
    }

    /** The timeline, oldest first. */
    public List<ChangeEvent> events(long number) {
        return jdbc.sql("""
                SELECT e.id, e.actor_id, u.name AS actor_name, e.action, e.detail, e.created_at
                FROM change_events e JOIN users u ON u.id = e.actor_id WHERE e.change_id = :number ORDER BY e.id""")
                .param("number", number)
                .query((rs, row) -> new ChangeEvent(rs.getLong("id"), rs.getLong("actor_id"),
                        rs.getString("actor_name"), rs.getString("action"), rs.getString("detail"),
                        instant(rs, "created_at")))
                .list();
    }

    /** The change requests the reader may read that pass the filter, newest first; {@code me} is the lister's id. */
    public List<ChangeRequest> list(Reader reader, ChangeFilter filter, long me, boolean admin, int limit) {
        return ProjectRepository.bindReader(jdbc.sql(SELECT + " WHERE " + ProjectRepository.READABLE
                        + conditions(filter) + " ORDER BY c.discussion_id DESC LIMIT :limit"), reader)
                .param("state", filter.state().map(ChangeRequestState::key).orElse(""))
                .param("project", filter.project().orElse("")).param("me", me).param("admin", admin)
                .param("limit", limit).query(ChangeRequestRepository::changeRequest).list();
    }

    private static String conditions(ChangeFilter filter) {
        StringBuilder sql = new StringBuilder();
        filter.state().ifPresent(state -> sql.append(" AND c.state = :state"));
        filter.project().ifPresent(project -> sql.append(" AND p.normalized_name = :project"));
        if (filter.mine()) {
            sql.append(" AND d.author_id = :me");
        }
        if (filter.needsMyReview()) {
            // open, someone else's, the lister may vote on it and has not voted on its latest revision
            sql.append(" ").append("""
                     AND c.state = 'open' AND d.author_id <> :me
                     AND (:admin OR EXISTS (SELECT 1 FROM project_roles vr WHERE vr.project_id = c.project_id
                         AND vr.user_id = :me))
                     AND NOT EXISTS (SELECT 1 FROM change_votes v WHERE v.change_id = c.discussion_id
                         AND v.user_id = :me AND v.revision = (SELECT MAX(lr.number) FROM change_revisions lr
                         WHERE lr.change_id = c.discussion_id))""");
        }
        return sql.toString();
    }

    /** How many change requests of the project are open. */
    public long countOpen(long projectId) {
        return jdbc.sql("SELECT COUNT(*) FROM change_requests WHERE project_id = :project AND state = 'open'")
                .param("project", projectId).query(Long.class).single();
    }

    private static ChangeRequest changeRequest(ResultSet rs, int row) throws SQLException {
        return new ChangeRequest(rs.getLong("discussion_id"), rs.getLong("project_id"), rs.getString("project_name"),
                rs.getString("title"), rs.getLong("author_id"), rs.getString("author_name"),
                Optional.ofNullable(rs.getString("source_branch")), rs.getString("target_branch"),
                rs.getString("description"), ChangeRequestState.ofKey(rs.getString("state")),
                Optional.ofNullable(rs.getString("change_key")), Optional.ofNullable(rs.getString("merged_commit")),
                rs.getObject("closed_by", Long.class), instant(rs, "closed_at"), instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private static Revision revision(ResultSet rs, int row) throws SQLException {
        return new Revision(rs.getLong("change_id"), rs.getInt("number"), rs.getString("commit_id"),
                rs.getString("base_commit"), rs.getLong("uploader_id"), rs.getString("uploader_name"),
                instant(rs, "created_at"));
    }
}
