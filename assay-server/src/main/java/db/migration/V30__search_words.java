package db.migration;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * H2's index of what search finds (H2 has no tsvector, and reading every project's row with LIKE took seconds
 * with 100,000 projects): every word of a project's search row with the fields it is in, and the starts of every
 * suffix of its name and summary for search's literal matches, each looked up through an index on the word or
 * piece (a word start is a range of that index). PostgreSQL keeps using its GIN-indexed tsvector (V18) and gets
 * no tables here. Rows already indexed are filled by the application in the background after its start.
 */
public class V30__search_words extends BaseJavaMigration {

    private static final String WORDS = """
            CREATE TABLE search_words (
                project_id     BIGINT       NOT NULL,
                -- a word of the project's search row (letters and digits, lower case), its first 256 characters
                word           VARCHAR(256) NOT NULL,
                -- 1 when the word is in that field of the row, else 0
                in_name        SMALLINT     NOT NULL,
                in_summary     SMALLINT     NOT NULL,
                in_keywords    SMALLINT     NOT NULL,
                in_description SMALLINT     NOT NULL,
                PRIMARY KEY (project_id, word),
                -- kept with the search row: replaced with it, gone with it (and with its project)
                FOREIGN KEY (project_id) REFERENCES project_search (project_id) ON DELETE CASCADE
            )""";

    private static final String PIECES = """
            CREATE TABLE search_pieces (
                project_id BIGINT      NOT NULL,
                -- the first 16 characters of a suffix of the lower-case name, normalised name or summary
                piece      VARCHAR(16) NOT NULL,
                PRIMARY KEY (project_id, piece),
                -- kept with the search row: replaced with it, gone with it (and with its project)
                FOREIGN KEY (project_id) REFERENCES project_search (project_id) ON DELETE CASCADE
            )""";

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        if (connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute(WORDS);
            statement.execute("CREATE INDEX search_words_word ON search_words (word, project_id)");
            statement.execute(PIECES);
            statement.execute("CREATE INDEX search_pieces_piece ON search_pieces (piece, project_id)");
        }
    }
}
