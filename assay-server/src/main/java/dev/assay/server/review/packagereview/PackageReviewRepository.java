package dev.assay.server.review.packagereview;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.assay.server.index.ProjectRepository;
import dev.assay.server.index.Reader;

/** The SQL for package reviews, their iterations, their timeline and the sponsorships approvals record. */
@Repository
class PackageReviewRepository {

    private static final String SELECT = """
            SELECT r.discussion_id, r.project_id, p.normalized_name, p.name AS project_name, r.state, r.contributor_id,
                   c.name AS contributor_name, r.reviewer_id, v.name AS reviewer_name, r.reason, r.created_at,
                   r.updated_at, NOT EXISTS (SELECT 1 FROM sponsorships s WHERE s.contributor_id = r.contributor_id)
                   AS sponsor_needed
            FROM package_reviews r JOIN projects p ON p.id = r.project_id JOIN users c ON c.id = r.contributor_id
            LEFT JOIN users v ON v.id = r.reviewer_id""";

    private static final String OPEN = " r.state IN ('new', 'in-review', 'needs-work') ";
    private static final String SPONSORED = " EXISTS (SELECT 1 FROM sponsorships s WHERE s.contributor_id = r.contributor_id) ";
    private static final String MEMBER = " EXISTS (SELECT 1 FROM project_roles m WHERE m.project_id = r.project_id"
            + " AND m.user_id = :me) ";

    /**
     * Waiting for the reader: their own review that needs work, one they took, or — for a package reviewer — a
     * new one of someone else's they may approve in the end (one that needs a sponsor only for sponsors).
     */
    private static final String WAITING = " ((r.state = 'needs-work' AND r.contributor_id = :me)"
            + " OR (r.state = 'in-review' AND r.reviewer_id = :me)"
            + " OR (r.state = 'new' AND :reviewer AND r.contributor_id <> :me AND NOT" + MEMBER
            + " AND (:sponsor OR" + SPONSORED + "))) ";

    /** Who lists reviews: the visibility rule's reader, and whether they are a package reviewer or a sponsor. */
    record Lister(Reader reader, boolean reviewer, boolean sponsor) {
    }

    private final JdbcClient jdbc;

    PackageReviewRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long number, long projectId, long contributorId, Instant at) {
        jdbc.sql("""
                INSERT INTO package_reviews (discussion_id, project_id, state, contributor_id, created_at, updated_at)
                VALUES (:number, :project, 'new', :contributor, :at, :at)""")
                .param("number", number).param("project", projectId).param("contributor", contributorId)
                .param("at", utc(at)).update();
    }

    Optional<PackageReview> find(long number) {
        return jdbc.sql(SELECT + " WHERE r.discussion_id = :number").param("number", number)
                .query(PackageReviewRepository::review).optional();
    }

    Optional<PackageReview> findByProject(long projectId) {
        return jdbc.sql(SELECT + " WHERE r.project_id = :project").param("project", projectId)
                .query(PackageReviewRepository::review).optional();
    }

    /** Locks the review's row until the transaction ends, so that two actions on it queue; false when missing. */
    boolean lock(long number) {
        return jdbc.sql("SELECT discussion_id FROM package_reviews WHERE discussion_id = :number FOR UPDATE")
                .param("number", number).query(Long.class).optional().isPresent();
    }

    void update(long number, PackageReviewState state, Long reviewerId, String reason, Instant at) {
        jdbc.sql("""
                UPDATE package_reviews SET state = :state, reviewer_id = :reviewer, reason = :reason, updated_at = :at
                WHERE discussion_id = :number""")
                .param("state", state.key()).param("reviewer", reviewerId).param("reason", reason)
                .param("at", utc(at)).param("number", number).update();
    }

    List<Iteration> iterations(long number) {
        return jdbc.sql("""
                SELECT id, review_id, number, release_id, version, created_at, repository_ref, repository_commit
                FROM package_review_iterations
                WHERE review_id = :number ORDER BY number DESC""")
                .param("number", number).query(PackageReviewRepository::iteration).list();
    }

    Optional<Iteration> iterationOfRelease(long number, long releaseId) {
        return iterations(number).stream().filter(iteration -> iteration.releaseId() == releaseId).findFirst();
    }

    /** Adds the next iteration; the caller holds the review's lock (or the project's, at the first upload). */
    Iteration addIteration(long number, long releaseId, String version, Optional<RepositoryPin> pin, Instant at) {
        int next = jdbc.sql("SELECT COALESCE(MAX(number), 0) + 1 FROM package_review_iterations WHERE review_id = :number")
                .param("number", number).query(Integer.class).single();
        jdbc.sql("""
                INSERT INTO package_review_iterations (review_id, number, release_id, version, created_at,
                    repository_ref, repository_commit)
                VALUES (:review, :number, :release, :version, :at, :ref, :commit)""")
                .param("review", number).param("number", next).param("release", releaseId).param("version", version)
                .param("at", utc(at)).param("ref", pin.map(RepositoryPin::ref).orElse(null))
                .param("commit", pin.map(RepositoryPin::commit).orElse(null)).update();
        return iterations(number).get(0);
    }

    void addEvent(long number, long actorId, String action, String detail, Instant at) {
        jdbc.sql("""
                INSERT INTO review_events (review_id, actor_id, action, detail, created_at)
                VALUES (:review, :actor, :action, :detail, :at)""")
                .param("review", number).param("actor", actorId).param("action", action)
                .param("detail", detail == null ? "" : detail).param("at", utc(at)).update();
    }

    /** The timeline, oldest first. */
    List<ReviewEvent> events(long number) {
        return jdbc.sql("""
                SELECT e.id, u.name, e.action, e.detail, e.created_at FROM review_events e
                JOIN users u ON u.id = e.actor_id WHERE e.review_id = :number ORDER BY e.id""")
                .param("number", number)
                .query((rs, row) -> new ReviewEvent(rs.getLong("id"), rs.getString("name"), rs.getString("action"),
                        rs.getString("detail"), instant(rs, "created_at")))
                .list();
    }

    boolean isSponsored(long contributorId) {
        return jdbc.sql("SELECT COUNT(*) FROM sponsorships WHERE contributor_id = :user").param("user", contributorId)
                .query(Long.class).single() > 0;
    }

    void addSponsorship(long contributorId, long sponsorId, long number, Instant at) {
        jdbc.sql("""
                INSERT INTO sponsorships (contributor_id, sponsor_id, review_id, created_at)
                VALUES (:contributor, :sponsor, :review, :at)""")
                .param("contributor", contributorId).param("sponsor", sponsorId).param("review", number)
                .param("at", utc(at)).update();
    }

    /** The reviews the lister may read that pass the filter, newest first. */
    List<PackageReview> list(Lister lister, ReviewFilter filter, int limit) {
        return bind(jdbc.sql(SELECT + " WHERE " + ProjectRepository.READABLE + conditions(filter)
                + " ORDER BY r.discussion_id DESC LIMIT :limit"), lister, filter)
                .param("limit", limit).query(PackageReviewRepository::review).list();
    }

    long count(Lister lister, ReviewFilter filter) {
        return bind(jdbc.sql("SELECT COUNT(*) FROM package_reviews r JOIN projects p ON p.id = r.project_id WHERE "
                + ProjectRepository.READABLE + conditions(filter)), lister, filter).query(Long.class).single();
    }

    /** The reviews the reader may read that the person contributed or took, newest first. */
    List<PackageReview> byPerson(Reader reader, long personId, int limit) {
        return ProjectRepository.bindReader(jdbc.sql(SELECT + " WHERE " + ProjectRepository.READABLE
                        + " AND (r.contributor_id = :person OR r.reviewer_id = :person)"
                        + " ORDER BY r.discussion_id DESC LIMIT :limit"), reader)
                .param("person", personId).param("limit", limit).query(PackageReviewRepository::review).list();
    }

    /** The sponsorships the person gave or received, oldest first. */
    List<Sponsorship> sponsorships(long personId) {
        return jdbc.sql("""
                SELECT s.sponsor_id, sp.name AS sponsor_name, s.contributor_id, c.name AS contributor_name, s.created_at
                FROM sponsorships s JOIN users sp ON sp.id = s.sponsor_id JOIN users c ON c.id = s.contributor_id
                WHERE s.sponsor_id = :person OR s.contributor_id = :person ORDER BY s.created_at, c.name""")
                .param("person", personId)
                .query((rs, row) -> new Sponsorship(rs.getString("sponsor_name"), rs.getString("contributor_name"),
                        instant(rs, "created_at"))).list();
    }

    /** How many reviews the lister may read are in each state, every state named. */
    Map<PackageReviewState, Long> countByState(Lister lister) {
        Map<PackageReviewState, Long> counts = new LinkedHashMap<>();
        for (PackageReviewState state : PackageReviewState.values()) {
            counts.put(state, 0L);
        }
        ProjectRepository.bindReader(jdbc.sql("SELECT r.state, COUNT(*) AS n FROM package_reviews r JOIN projects p"
                        + " ON p.id = r.project_id WHERE " + ProjectRepository.READABLE + " GROUP BY r.state"),
                        lister.reader())
                .query((ResultSet rs) -> {
                    counts.put(PackageReviewState.ofKey(rs.getString("state")), rs.getLong("n"));
                });
        return counts;
    }

    private static String conditions(ReviewFilter filter) {
        StringBuilder sql = new StringBuilder();
        filter.state().ifPresent(state -> sql.append(" AND r.state = :state"));
        if (filter.mine()) {
            sql.append(" AND (r.contributor_id = :me OR r.reviewer_id = :me)");
        }
        if (filter.waitingForMe()) {
            sql.append(" AND").append(WAITING);
        }
        if (filter.sponsorNeeded()) {
            sql.append(" AND").append(OPEN).append("AND NOT").append(SPONSORED);
        }
        return sql.toString();
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec statement, Lister lister,
            ReviewFilter filter) {
        JdbcClient.StatementSpec bound = ProjectRepository.bindReader(statement, lister.reader())
                .param("me", lister.reader().userId()).param("reviewer", lister.reviewer())
                .param("sponsor", lister.sponsor());
        return filter.state().map(state -> bound.param("state", state.key())).orElse(bound);
    }

    private static PackageReview review(ResultSet rs, int row) throws SQLException {
        Long reviewer = rs.getObject("reviewer_id", Long.class);
        return new PackageReview(rs.getLong("discussion_id"), rs.getLong("project_id"), rs.getString("normalized_name"),
                rs.getString("project_name"), PackageReviewState.ofKey(rs.getString("state")),
                rs.getLong("contributor_id"), rs.getString("contributor_name"), reviewer,
                rs.getString("reviewer_name"), rs.getString("reason"), rs.getBoolean("sponsor_needed"),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    }

    private static Iteration iteration(ResultSet rs, int row) throws SQLException {
        String ref = rs.getString("repository_ref");
        Optional<RepositoryPin> pin = Optional.ofNullable(rs.getString("repository_commit"))
                .map(commit -> new RepositoryPin(ref, commit));
        return new Iteration(rs.getLong("id"), rs.getLong("review_id"), rs.getInt("number"), rs.getLong("release_id"),
                rs.getString("version"), instant(rs, "created_at"), pin);
    }
}
