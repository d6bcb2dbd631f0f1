package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * What search reads: one row per project with the words of its name and of its latest release's summary, keywords
 * and description (the application keeps it current and fills rows missing at start). On PostgreSQL the row also
 * carries a weighted tsvector (name A, summary B, keywords C, description D) with a GIN index; H2 has no tsvector,
 * so there the same words are matched with LIKE and ranked by which column matched. A Java migration because the
 * two databases need different DDL and one migration version must serve both.
 */
public class V18__project_search extends BaseJavaMigration {

    private static final String TABLE = """
            CREATE TABLE project_search (
                project_id        BIGINT        NOT NULL PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
                -- the release the text was taken from: the project's latest; null while it has none
                release_id        BIGINT        REFERENCES releases (id) ON DELETE SET NULL,
                -- lower case, every run of characters other than letters and digits turned into one space, with a
                -- space before and after, so that ' word' finds a word start and ' word ' a whole word
                name_words        VARCHAR(1000) NOT NULL,
                summary_words     VARCHAR(2000) NOT NULL,
                keyword_words     VARCHAR       NOT NULL,
                description_words VARCHAR       NOT NULL
            )""";

    private static final String DOCUMENT = """
            ALTER TABLE project_search ADD COLUMN document tsvector GENERATED ALWAYS AS (
                setweight(to_tsvector('english', name_words), 'A')
                || setweight(to_tsvector('english', summary_words), 'B')
                || setweight(to_tsvector('english', keyword_words), 'C')
                || setweight(to_tsvector('english', description_words), 'D')) STORED""";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT)
                .contains("postgres");
        try (Statement statement = connection.createStatement()) {
            statement.execute(TABLE);
            statement.execute("CREATE INDEX project_search_release ON project_search (release_id)");
            if (postgres) {
                statement.execute(DOCUMENT);
                statement.execute("CREATE INDEX project_search_document ON project_search USING GIN (document)");
            }
        }
    }
}
