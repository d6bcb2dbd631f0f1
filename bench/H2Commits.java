import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;

/**
 * What durable commits cost on the embedded H2 database: small transactions (one row each, as an upload's
 * commit is a few rows) with H2's default write delay, with WRITE_DELAY=0 (each commit written to the file),
 * and with WRITE_DELAY=0 plus CHECKPOINT SYNC after each commit (forced to disk, as an upload does).
 * Launched by bench/commit.sh; prints commits per second and the mean milliseconds per commit.
 */
public class H2Commits {

    public static void main(String[] args) throws Exception {
        int commits = Integer.parseInt(args[0]);
        Path work = Path.of(args[1]);
        run("default write delay", work.resolve("a"), "", false, commits);
        run("WRITE_DELAY=0", work.resolve("b"), ";WRITE_DELAY=0", false, commits);
        run("WRITE_DELAY=0 + CHECKPOINT SYNC", work.resolve("c"), ";WRITE_DELAY=0", true, commits);
    }

    private static void run(String label, Path directory, String settings, boolean sync, int commits) throws Exception {
        Files.createDirectories(directory);
        String url = "jdbc:h2:file:" + directory.resolve("bench") + ";MODE=PostgreSQL" + settings;
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE rows (id INTEGER PRIMARY KEY, payload VARCHAR(200))");
            }
            connection.setAutoCommit(false);
            long start = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rows VALUES (?, ?)");
                    Statement checkpoint = connection.createStatement()) {
                for (int i = 0; i < commits; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "row " + i + " of a benchmark of durable commits");
                    insert.executeUpdate();
                    connection.commit();
                    if (sync) {
                        checkpoint.execute("CHECKPOINT SYNC");
                    }
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%-34s %8.0f commits/s  %6.2f ms/commit%n", label, commits / seconds,
                    seconds * 1000 / commits);
        }
    }
}
