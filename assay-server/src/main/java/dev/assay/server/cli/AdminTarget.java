package dev.assay.server.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

import dev.assay.server.config.LaunchSettings;
import dev.assay.server.error.InvalidInputException;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where an admin command acts: a running server's admin API with {@code --server}, else the database of the data
 * directory (or {@code --database-url}), which must already exist unless the command creates an account.
 */
final class AdminTarget {

    @Mixin
    LaunchOptions launch;

    @Option(names = "--server", paramLabel = "URL", defaultValue = "${env:ASSAY_SERVER}",
            description = "Act through this running server's admin API instead of a data directory (env ASSAY_SERVER).")
    String server;

    @Option(names = "--as", paramLabel = "ADMIN", defaultValue = "${env:ASSAY_ADMIN}",
            description = "With --server: the administrator to sign in as (env ASSAY_ADMIN); the password comes "
                    + "from ASSAY_PASSWORD, a prompt, or the first line of standard input.")
    String admin;

    private BufferedReader stdin;
    private boolean newDatabase;

    /** Opens the target; {@code mayCreateDatabase} lets a new data directory's database be created (user add). */
    AdminBackend open(boolean mayCreateDatabase) {
        if (server != null && !server.isBlank()) {
            if (admin == null || admin.isBlank()) {
                throw new InvalidInputException("--server needs --as ADMIN (or ASSAY_ADMIN): the administrator to "
                        + "sign in as");
            }
            return new ServerAdmin(serverUri(), admin, adminPassword());
        }
        LaunchSettings settings = launch.settings(null);
        if (!mayCreateDatabase && settings.embeddedDatabaseMissing()) {
            throw new InvalidInputException("no Assay database in " + settings.describeLocation() + ": give the "
                    + "server's data directory with --data DIR (or ASSAY_DATA), or its URL with --server URL");
        }
        newDatabase = settings.embeddedDatabaseMissing();
        return new LocalAdmin(CommandContext.open(settings));
    }

    /** Whether {@link #open} created the data directory's database: no server has used this directory yet. */
    boolean createdDatabase() {
        return newDatabase;
    }

    /** The next line of standard input; {@code what} names it in the error when there is none. */
    String stdinLine(String what) {
        try {
            if (stdin == null) {
                stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            }
            String line = stdin.readLine();
            if (line == null) {
                throw new InvalidInputException("standard input ended before " + what);
            }
            return line;
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }

    private String adminPassword() {
        String password = System.getenv("ASSAY_PASSWORD");
        if (password != null && !password.isEmpty()) {
            return password;
        }
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword("Password of %s at %s: ", admin, server);
            if (typed != null) {
                return new String(typed);
            }
        }
        return stdinLine("the password of " + admin + " (or set ASSAY_PASSWORD)");
    }

    private URI serverUri() {
        try {
            return new URI(server);
        } catch (URISyntaxException invalid) {
            throw new InvalidInputException("--server: not a URL: " + server);
        }
    }
}
