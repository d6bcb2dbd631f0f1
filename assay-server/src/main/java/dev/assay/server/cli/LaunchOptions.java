package dev.assay.server.cli;

import java.nio.file.Path;

import dev.assay.server.config.LaunchSettings;
import picocli.CommandLine.Option;

/** The options every command shares: where the data lives and which database holds it. */
final class LaunchOptions {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "${env:ASSAY_DATA:-assay-data}",
            description = "Data directory (env ASSAY_DATA, default ${DEFAULT-VALUE}).")
    Path data;

    @Option(names = "--database-url", paramLabel = "JDBC_URL", defaultValue = "${env:ASSAY_DATABASE_URL}",
            description = "JDBC URL of the database, e.g. jdbc:postgresql://host/assay "
                    + "(env ASSAY_DATABASE_URL; default: an H2 file in the data directory).")
    String databaseUrl;

    @Option(names = "--database-user", paramLabel = "USER", defaultValue = "${env:ASSAY_DATABASE_USER}",
            description = "Database user (env ASSAY_DATABASE_USER).")
    String databaseUser;

    LaunchSettings settings(Integer port) {
        return new LaunchSettings(port, data, databaseUrl, databaseUser, System.getenv("ASSAY_DATABASE_PASSWORD"));
    }
}
