package dev.assay.server.review.change.vote;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

import java.time.Instant;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for votes on change requests. */
@Repository
class VoteRepository {

    private final JdbcClient jdbc;

    VoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The votes, oldest first. */
    List<Vote> list(long number) {
        return jdbc.sql("""
                SELECT u.name, v.vote, v.revision, v.voted_at FROM change_votes v JOIN users u ON u.id = v.user_id
                WHERE v.change_id = :number ORDER BY v.voted_at, u.name""")
                .param("number", number)
                .query((rs, row) -> new Vote(rs.getString("name"), rs.getString("vote"), rs.getInt("revision"),
                        instant(rs, "voted_at")))
                .list();
    }

    /** Replaces the user's vote (the row of the change request is locked by the caller). */
    void put(long number, long userId, VoteValue vote, int revision, Instant at) {
        remove(number, userId);
        jdbc.sql("""
                INSERT INTO change_votes (change_id, user_id, vote, revision, voted_at)
                VALUES (:number, :user, :vote, :revision, :at)""")
                .param("number", number).param("user", userId).param("vote", vote.key())
                .param("revision", revision).param("at", utc(at)).update();
    }

    /** Removes the user's vote; whether there was one. */
    boolean remove(long number, long userId) {
        return jdbc.sql("DELETE FROM change_votes WHERE change_id = :number AND user_id = :user")
                .param("number", number).param("user", userId).update() > 0;
    }

    /** Removes every vote of the change request; how many there were. */
    int removeAll(long number) {
        return jdbc.sql("DELETE FROM change_votes WHERE change_id = :number").param("number", number).update();
    }
}
