package dev.assay.server.review.thread;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.assay.server.review.thread.anchor.Anchor;
import dev.assay.server.review.thread.anchor.Side;
import dev.assay.server.review.thread.comment.Comment;

/** The SQL for threads, their comments and tags. */
@Repository
public class ThreadRepository {

    private static final String SELECT_THREAD = """
            SELECT t.id, t.discussion_id, t.anchor_iteration, t.anchor_path, t.anchor_line, t.anchor_side,
                   t.resolved, t.author_id, u.name AS author_name, t.created_at
            FROM threads t JOIN users u ON u.id = t.author_id""";

    private static final String SELECT_COMMENT = """
            SELECT c.id, c.thread_id, c.author_id, u.name AS author_name, c.body, c.draft, c.created_at
            FROM thread_comments c JOIN threads t ON t.id = c.thread_id JOIN users u ON u.id = c.author_id""";

    // a thread is seen once it has a published comment, or by the author of a draft in it
    private static final String VISIBLE = """
             EXISTS (SELECT 1 FROM thread_comments c WHERE c.thread_id = t.id
                     AND (c.draft = FALSE OR c.author_id = :viewer))""";

    private final JdbcClient jdbc;

    public ThreadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insertThread(long discussionId, Optional<Anchor> anchor, long authorId, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO threads (discussion_id, anchor_iteration, anchor_path, anchor_line, anchor_side,
                                     author_id, created_at)
                VALUES (:discussion, :iteration, :path, :line, :side, :author, :at)""")
                .param("discussion", discussionId)
                .param("iteration", anchor.map(Anchor::iteration).orElse(null))
                .param("path", anchor.map(Anchor::path).orElse(null))
                .param("line", anchor.map(Anchor::line).orElse(null))
                .param("side", anchor.map(a -> a.side().key()).orElse(null))
                .param("author", authorId).param("at", utc(at)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    long insertComment(long threadId, long authorId, String body, boolean draft, Instant at) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO thread_comments (thread_id, author_id, body, draft, created_at)
                VALUES (:thread, :author, :body, :draft, :at)""")
                .param("thread", threadId).param("author", authorId).param("body", body).param("draft", draft)
                .param("at", utc(at)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** The thread, if it belongs to the discussion and the viewer may see it. */
    Optional<CommentThread> find(long discussionId, long threadId, long viewerId) {
        return jdbc.sql(SELECT_THREAD + " WHERE t.id = :id AND t.discussion_id = :discussion AND " + VISIBLE)
                .param("id", threadId).param("discussion", discussionId).param("viewer", viewerId)
                .query((rs, row) -> thread(rs, tags(rs.getLong("id")))).optional();
    }

    /** The discussion's threads the viewer sees ({@code -1}: anonymous), oldest first. */
    List<CommentThread> threads(long discussionId, long viewerId) {
        Map<Long, Set<ThreadTag>> tags = new HashMap<>();
        jdbc.sql("""
                SELECT g.thread_id, g.tag FROM thread_tags g JOIN threads t ON t.id = g.thread_id
                WHERE t.discussion_id = :discussion""").param("discussion", discussionId)
                .query(rs -> {
                    tags.computeIfAbsent(rs.getLong("thread_id"), id -> EnumSet.noneOf(ThreadTag.class))
                            .add(ThreadTag.ofKey(rs.getString("tag")));
                });
        return jdbc.sql(SELECT_THREAD + " WHERE t.discussion_id = :discussion AND " + VISIBLE + " ORDER BY t.id")
                .param("discussion", discussionId).param("viewer", viewerId)
                .query((rs, row) -> thread(rs, tags.getOrDefault(rs.getLong("id"), Set.of()))).list();
    }

    /** The comments of the discussion the viewer sees, per thread, oldest first. */
    Map<Long, List<Comment>> comments(long discussionId, long viewerId) {
        List<Comment> all = jdbc.sql(SELECT_COMMENT + """
                 WHERE t.discussion_id = :discussion AND (c.draft = FALSE OR c.author_id = :viewer)
                ORDER BY c.id""")
                .param("discussion", discussionId).param("viewer", viewerId)
                .query(ThreadRepository::comment).list();
        Map<Long, List<Comment>> byThread = new HashMap<>();
        all.forEach(c -> byThread.computeIfAbsent(c.threadId(), id -> new ArrayList<>()).add(c));
        return byThread;
    }

    void setResolved(long threadId, boolean resolved) {
        jdbc.sql("UPDATE threads SET resolved = :resolved WHERE id = :id")
                .param("resolved", resolved).param("id", threadId).update();
    }

    void setTags(long threadId, Set<ThreadTag> tags) {
        jdbc.sql("DELETE FROM thread_tags WHERE thread_id = :id").param("id", threadId).update();
        tags.forEach(tag -> jdbc.sql("INSERT INTO thread_tags (thread_id, tag) VALUES (:id, :tag)")
                .param("id", threadId).param("tag", tag.key()).update());
    }

    /** Who wrote published comments in the thread before {@code beforeCommentId}. */
    Set<Long> participants(long threadId, long beforeCommentId) {
        return Set.copyOf(jdbc.sql("""
                SELECT DISTINCT author_id FROM thread_comments
                WHERE thread_id = :thread AND draft = FALSE AND id < :before""")
                .param("thread", threadId).param("before", beforeCommentId).query(Long.class).list());
    }

    /** The author's drafts in the discussion, oldest first. */
    List<Comment> drafts(long discussionId, long authorId) {
        return jdbc.sql(SELECT_COMMENT + """
                 WHERE t.discussion_id = :discussion AND c.author_id = :author AND c.draft = TRUE
                ORDER BY c.id""")
                .param("discussion", discussionId).param("author", authorId).query(ThreadRepository::comment).list();
    }

    /** Publishes the given drafts, dated now. */
    void publish(Collection<Long> commentIds, Instant at) {
        if (!commentIds.isEmpty()) {
            jdbc.sql("UPDATE thread_comments SET draft = FALSE, created_at = :at WHERE id IN (:ids)")
                    .param("at", utc(at)).param("ids", commentIds).update();
        }
    }

    /**
     * The number of unresolved threads with a published comment in the discussion: the count every review and
     * every list shows.
     */
    public long unresolvedCount(long discussionId) {
        return unresolvedCounts(List.of(discussionId)).getOrDefault(discussionId, 0L);
    }

    /** {@link #unresolvedCount} for several discussions at once (absent: none), for lists. */
    public Map<Long, Long> unresolvedCounts(Collection<Long> discussionIds) {
        if (discussionIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> counts = new HashMap<>();
        jdbc.sql("""
                SELECT t.discussion_id, COUNT(*) AS unresolved FROM threads t
                WHERE t.discussion_id IN (:ids) AND t.resolved = FALSE
                  AND EXISTS (SELECT 1 FROM thread_comments c WHERE c.thread_id = t.id AND c.draft = FALSE)
                GROUP BY t.discussion_id""")
                .param("ids", discussionIds)
                .query(rs -> {
                    counts.put(rs.getLong("discussion_id"), rs.getLong("unresolved"));
                });
        return counts;
    }

    /** The normalised name of the project the discussion is about. */
    Optional<String> projectName(long discussionId) {
        return jdbc.sql("""
                SELECT p.normalized_name FROM discussions d JOIN projects p ON p.id = d.project_id
                WHERE d.id = :id""").param("id", discussionId).query(String.class).optional();
    }

    private static CommentThread thread(ResultSet rs, Set<ThreadTag> tags) throws SQLException {
        long id = rs.getLong("id");
        Optional<Anchor> anchor = rs.getString("anchor_path") == null ? Optional.empty()
                : Optional.of(new Anchor(rs.getInt("anchor_iteration"), rs.getString("anchor_path"),
                        rs.getInt("anchor_line"), Side.ofKey(rs.getString("anchor_side"))));
        return new CommentThread(id, rs.getLong("discussion_id"), anchor, rs.getBoolean("resolved"),
                rs.getLong("author_id"), rs.getString("author_name"), instant(rs, "created_at"), tags);
    }

    private Set<ThreadTag> tags(long threadId) {
        Set<ThreadTag> tags = EnumSet.noneOf(ThreadTag.class);
        jdbc.sql("SELECT tag FROM thread_tags WHERE thread_id = :id").param("id", threadId).query(String.class)
                .list().forEach(tag -> tags.add(ThreadTag.ofKey(tag)));
        return tags;
    }

    private static Comment comment(ResultSet rs, int row) throws SQLException {
        return new Comment(rs.getLong("id"), rs.getLong("thread_id"), rs.getLong("author_id"),
                rs.getString("author_name"), rs.getString("body"), rs.getBoolean("draft"), instant(rs, "created_at"));
    }
}
