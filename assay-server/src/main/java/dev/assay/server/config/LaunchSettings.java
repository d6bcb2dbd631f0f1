package dev.assay.server.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a launch of Assay needs to know before Spring starts: the port, the data directory and the
 * database; turned into the Spring properties every process (server, command line, tests) uses.
 */
public record LaunchSettings(Integer port, Path data, String databaseUrl, String databaseUser,
        String databasePassword) {

    /**
     * The embedded default: an H2 file inside the data directory, shared by concurrent processes. WRITE_DELAY=0
     * writes every commit to the file before the commit returns (H2's default holds it in memory for up to half
     * a second, so a killed server loses transactions it had already reported committed). Uploads to one project
     * queue on its row lock, so a lock is waited for 30 s rather than H2's 2 s.
     */
    public static String embeddedDatabaseUrl(Path data) {
        Path file = embeddedDatabaseFile(data.toAbsolutePath().normalize());
        return "jdbc:h2:file:" + file + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=0;LOCK_TIMEOUT=30000";
    }

    /** The Spring properties for this launch. */
    public Map<String, Object> springProperties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        Path absoluteData = data.toAbsolutePath().normalize();
        properties.put("assay.data", absoluteData.toString());
        if (port != null) {
            properties.put("server.port", port);
        }
        boolean embedded = databaseUrl == null || databaseUrl.isBlank();
        properties.put("spring.datasource.url", embedded ? embeddedDatabaseUrl(absoluteData) : databaseUrl);
        properties.put("spring.datasource.username", embedded ? "sa" : nullToEmpty(databaseUser));
        properties.put("spring.datasource.password", embedded ? "" : nullToEmpty(databasePassword));
        return properties;
    }

    /**
     * Where this launch's data lives, for a person: "/srv/assay-data (H2 file /srv/assay-data/db/assay)" or
     * "/srv/assay-data (PostgreSQL jdbc:postgresql://db/assay)"; a JDBC URL's parameters (which may hold a
     * password) are left out.
     */
    public String describeLocation() {
        Path absoluteData = data.toAbsolutePath().normalize();
        if (databaseUrl == null || databaseUrl.isBlank()) {
            return absoluteData + " (H2 file " + embeddedDatabaseFile(absoluteData) + ")";
        }
        String withoutParameters = databaseUrl.replaceAll("[?;].*$", "");
        String kind = withoutParameters.startsWith("jdbc:postgresql:") ? "PostgreSQL " : "database ";
        return absoluteData + " (" + kind + withoutParameters + ")";
    }

    /** Whether the database is the embedded default and its file does not exist yet (a first launch, or a wrong --data). */
    public boolean embeddedDatabaseMissing() {
        return (databaseUrl == null || databaseUrl.isBlank())
                && !Files.exists(Path.of(embeddedDatabaseFile(data.toAbsolutePath().normalize()) + ".mv.db"));
    }

    private static Path embeddedDatabaseFile(Path absoluteData) {
        return absoluteData.resolve("db").resolve("assay");
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
