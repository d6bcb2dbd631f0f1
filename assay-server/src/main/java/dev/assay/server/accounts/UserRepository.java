package dev.assay.server.accounts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import static dev.assay.server.db.Timestamps.instant;
import static dev.assay.server.db.Timestamps.utc;

/** The SQL for users and their groups. */
@Repository
class UserRepository {

    private static final String USER_WITH_GROUPS = """
            SELECT u.id, u.name, u.email, u.full_name, u.created_at, g.group_name
            FROM users u LEFT JOIN user_group_members g ON g.user_id = u.id""";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(NewUser user, String passwordHash, Instant createdAt, boolean verified) {
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                INSERT INTO users (name, name_key, email, email_key, full_name, password_hash, created_at, verified)
                VALUES (:name, :nameKey, :email, :emailKey, :fullName, :hash, :createdAt, :verified)""")
                .param("verified", verified)
                .param("name", user.name())
                .param("nameKey", key(user.name()))
                .param("email", user.email())
                .param("emailKey", key(user.email()))
                .param("fullName", user.fullName())
                .param("hash", passwordHash)
                .param("createdAt", utc(createdAt))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    void addToGroup(long userId, Group group) {
        jdbc.sql("INSERT INTO user_group_members (group_name, user_id) VALUES (:group, :user)")
                .param("group", group.key())
                .param("user", userId)
                .update();
    }

    void removeFromGroup(long userId, Group group) {
        jdbc.sql("DELETE FROM user_group_members WHERE group_name = :group AND user_id = :user")
                .param("group", group.key()).param("user", userId).update();
    }

    boolean nameTaken(String name) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE name_key = :key").param("key", key(name))
                .query(Long.class).single() > 0;
    }

    boolean emailTaken(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM users WHERE email_key = :key").param("key", key(email))
                .query(Long.class).single() > 0;
    }

    Optional<User> findByName(String name) {
        return withGroups(jdbc.sql(USER_WITH_GROUPS + " WHERE u.name_key = :key").param("key", key(name)));
    }

    Optional<User> findById(long id) {
        return withGroups(jdbc.sql(USER_WITH_GROUPS + " WHERE u.id = :id").param("id", id));
    }

    // One statement for the user and its groups: every authenticated request reads them.
    private static Optional<User> withGroups(JdbcClient.StatementSpec statement) {
        return statement.query(rs -> {
            User user = null;
            Set<Group> groups = EnumSet.noneOf(Group.class);
            while (rs.next()) {
                user = user == null ? userWithoutGroups(rs) : user;
                String group = rs.getString("group_name");
                if (group != null) {
                    groups.add(Group.ofKey(group));
                }
            }
            return Optional.ofNullable(user).map(found -> new User(found.id(), found.name(), found.email(),
                    found.fullName(), found.createdAt(), groups));
        });
    }

    Optional<StoredCredentials> credentials(String name) {
        return jdbc.sql("SELECT id, name, password_hash, verified FROM users WHERE name_key = :key")
                .param("key", key(name))
                .query((rs, row) -> new StoredCredentials(rs.getLong("id"), rs.getString("name"),
                        rs.getString("password_hash"), rs.getBoolean("verified")))
                .optional();
    }

    /** The id of the account with this email address (case-insensitive), if any. */
    Optional<Long> idByEmail(String email) {
        return jdbc.sql("SELECT id FROM users WHERE email_key = :key").param("key", key(email))
                .query(Long.class).optional();
    }

    /** Deletes the unverified accounts made before {@code cutoff} that hold this name or email address. */
    int deleteUnverified(String name, String email, Instant cutoff) {
        return jdbc.sql("""
                DELETE FROM users WHERE verified = FALSE AND created_at < :cutoff
                  AND (name_key = :name OR email_key = :email)""")
                .param("cutoff", utc(cutoff)).param("name", key(name)).param("email", key(email)).update();
    }

    void markVerified(long userId) {
        jdbc.sql("UPDATE users SET verified = TRUE WHERE id = :id").param("id", userId).update();
    }

    void updatePasswordHash(long userId, String passwordHash) {
        jdbc.sql("UPDATE users SET password_hash = :hash WHERE id = :id")
                .param("hash", passwordHash)
                .param("id", userId)
                .update();
    }

    Set<Group> groupsOf(long userId) {
        List<String> keys = jdbc.sql("SELECT group_name FROM user_group_members WHERE user_id = :id")
                .param("id", userId)
                .query(String.class)
                .list();
        Set<Group> groups = EnumSet.noneOf(Group.class);
        keys.forEach(groupKey -> groups.add(Group.ofKey(groupKey)));
        return groups;
    }

    private static User userWithoutGroups(ResultSet rs) throws SQLException {
        return new User(rs.getLong("id"), rs.getString("name"), rs.getString("email"), rs.getString("full_name"),
                instant(rs, "created_at"), Set.of());
    }

    /** Names and emails are unique regardless of case. */
    private static String key(String value) {
        return value.toLowerCase(Locale.ROOT);
    }
}
