package dev.assay.server.accounts.registration;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The SQL for settings an administrator changes while the server runs. */
@Repository
class SiteSettingRepository {

    private final JdbcClient jdbc;

    SiteSettingRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<String> find(String name) {
        return jdbc.sql("SELECT setting_value FROM site_settings WHERE name = :name").param("name", name)
                .query(String.class).optional();
    }

    /** Sets the value; two administrators setting it at once never fail (the last one wins). */
    void put(String name, String value) {
        if (update(name, value) == 0 && jdbc.sql("INSERT INTO site_settings (name, setting_value) "
                + "VALUES (:name, :value) ON CONFLICT DO NOTHING").param("name", name).param("value", value)
                .update() == 0) {
            update(name, value);
        }
    }

    private int update(String name, String value) {
        return jdbc.sql("UPDATE site_settings SET setting_value = :value WHERE name = :name")
                .param("name", name).param("value", value).update();
    }
}
