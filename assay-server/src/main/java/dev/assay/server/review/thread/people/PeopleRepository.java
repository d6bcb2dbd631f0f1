package dev.assay.server.review.thread.people;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads user names for mentions and their completion: only ids and names, never credentials. */
@Repository
public class PeopleRepository {

    private final JdbcClient jdbc;

    PeopleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The users with these names (any case), keyed by lower-cased name. */
    public Map<String, Person> named(Collection<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        Map<String, Person> found = new HashMap<>();
        jdbc.sql("SELECT id, name FROM users WHERE name_key IN (:keys)")
                .param("keys", names.stream().map(name -> name.toLowerCase(Locale.ROOT)).distinct().toList())
                .query((rs, row) -> new Person(rs.getLong("id"), rs.getString("name"))).list()
                .forEach(person -> found.put(person.name().toLowerCase(Locale.ROOT), person));
        return found;
    }

    /** Up to {@code limit} users whose name starts with the prefix (any case), by name. */
    List<Person> startingWith(String prefix, int limit) {
        String escaped = prefix.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return jdbc.sql("SELECT id, name FROM users WHERE name_key LIKE :pattern ESCAPE '\\' ORDER BY name_key LIMIT :limit")
                .param("pattern", escaped + "%").param("limit", limit)
                .query((rs, row) -> new Person(rs.getLong("id"), rs.getString("name"))).list();
    }
}
