package dev.assay.server.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * The version this server or worker was built as: the build's {@code META-INF/build-info.properties} (written by
 * the Spring Boot plugin, so classes and jar built from one tree agree), else the jar manifest, else {@code dev}.
 */
public final class AssayVersion {

    private static final String BUILD_INFO = "META-INF/build-info.properties";

    private static final String CURRENT = read();

    private AssayVersion() {
    }

    /** This build's version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        return CURRENT;
    }

    /**
     * Why a worker of version {@code worker} and a server of version {@code server} cannot work together, or empty
     * when they can: the same version, or a caller that did not say its version (a script using the worker API).
     */
    public static Optional<String> mismatch(String worker, String server) {
        if (worker == null || server == null || worker.equals(server)) {
            return Optional.empty();
        }
        return Optional.of("this worker is Assay " + worker + " and the server is Assay " + server
                + ": server and workers must run the same version; install Assay " + server + " on the worker");
    }

    private static String read() {
        try (InputStream info = AssayVersion.class.getClassLoader().getResourceAsStream(BUILD_INFO)) {
            if (info != null) {
                Properties properties = new Properties();
                properties.load(info);
                String version = properties.getProperty("build.version");
                if (version != null && !version.isBlank()) {
                    return version.strip();
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException("cannot read " + BUILD_INFO, unreadable);
        }
        String version = AssayVersion.class.getPackage().getImplementationVersion();
        return version == null || version.isBlank() ? "dev" : version;
    }
}
