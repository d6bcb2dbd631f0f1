package dev.assay.server.review.packagereview.checklist;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;


/** The SQL for the manual checklist: its items, and each review's marks. */
@Repository
class ChecklistRepository {

    private static final String ORDER = " ORDER BY CASE WHEN i.section = 'MUST' THEN 0 ELSE 1 END, i.position, i.id";

    private final JdbcClient jdbc;

    ChecklistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<ChecklistItem> items() {
        return jdbc.sql("SELECT i.id, i.section, i.text, i.position FROM review_checklist_items i" + ORDER)
                .query(ChecklistRepository::item).list();
    }

    Optional<ChecklistItem> find(long id) {
        return jdbc.sql("SELECT i.id, i.section, i.text, i.position FROM review_checklist_items i WHERE i.id = :id")
                .param("id", id).query(ChecklistRepository::item).optional();
    }

    /** Adds an item at the end of its section. */
    void add(String section, String text, Instant at) {
        int position = jdbc.sql("SELECT COALESCE(MAX(position), 0) + 1 FROM review_checklist_items WHERE section = :section")
                .param("section", section).query(Integer.class).single();
        jdbc.sql("INSERT INTO review_checklist_items (section, text, position, created_at) VALUES (:section, :text, :position, :at)")
                .param("section", section).param("text", text).param("position", position).param("at", utc(at))
                .update();
    }

    boolean remove(long id) {
        return jdbc.sql("DELETE FROM review_checklist_items WHERE id = :id").param("id", id).update() > 0;
    }

    void setPosition(long id, int position) {
        jdbc.sql("UPDATE review_checklist_items SET position = :position WHERE id = :id")
                .param("position", position).param("id", id).update();
    }

    /** Every item, with the review's mark of it where there is one. */
    List<ChecklistMark> marks(long reviewNumber) {
        return jdbc.sql("""
                SELECT i.id, i.section, i.text, m.verdict, m.comment, u.name AS marked_by, m.marked_at
                FROM review_checklist_items i
                LEFT JOIN review_checklist_marks m ON m.item_id = i.id AND m.review_id = :review
                LEFT JOIN users u ON u.id = m.marked_by""" + ORDER)
                .param("review", reviewNumber)
                .query((rs, row) -> new ChecklistMark(rs.getLong("id"), rs.getString("section"), rs.getString("text"),
                        rs.getString("verdict"), rs.getString("comment"), rs.getString("marked_by"),
                        instant(rs, "marked_at")))
                .list();
    }

    void mark(long reviewNumber, long itemId, String verdict, String comment, long userId, Instant at) {
        jdbc.sql("DELETE FROM review_checklist_marks WHERE review_id = :review AND item_id = :item")
                .param("review", reviewNumber).param("item", itemId).update();
        jdbc.sql("""
                INSERT INTO review_checklist_marks (review_id, item_id, verdict, comment, marked_by, marked_at)
                VALUES (:review, :item, :verdict, :comment, :user, :at)""")
                .param("review", reviewNumber).param("item", itemId).param("verdict", verdict)
                .param("comment", comment).param("user", userId).param("at", utc(at)).update();
    }

    private static ChecklistItem item(ResultSet rs, int row) throws SQLException {
        return new ChecklistItem(rs.getLong("id"), rs.getString("section"), rs.getString("text"),
                rs.getInt("position"));
    }
}
