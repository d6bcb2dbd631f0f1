package dev.assay.server.testing;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.assay.server.AssayApplication;
import dev.assay.server.config.LaunchSettings;

/** An Assay server started in this JVM on a random free port, over a data directory and a database. */
public final class TestServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final int port;

    private TestServer(ConfigurableApplicationContext context) {
        this.context = context;
        this.port = ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Starts a server over this data directory and database. */
    public static TestServer start(Path data, TestDatabase database) {
        return start(data, database, Map.of());
    }

    /** Starts a server with extra Spring properties. */
    public static TestServer start(Path data, TestDatabase database, Map<String, Object> extraProperties) {
        return start(data, database, extraProperties, new Class<?>[0]);
    }

    /**
     * Starts a server with extra Spring properties and extra beans: each class is registered as a bean (a
     * plain class, not annotated, so that component scanning never finds it for other tests' servers).
     */
    public static TestServer start(Path data, TestDatabase database, Map<String, Object> extraProperties,
            Class<?>... extraBeans) {
        LaunchSettings settings = new LaunchSettings(0, data, database.launchUrl(), database.user(),
                database.password());
        Map<String, Object> properties = new HashMap<>(settings.springProperties());
        // Sandboxed pipelines take seconds of CPU per upload; only the suites about them turn them on.
        properties.put("assay.pipeline.sandbox", false);
        // Held new projects would hide every upload from the suites about the index; the review suites hold them.
        properties.put("assay.review-new-projects", false);
        properties.putAll(extraProperties);
        return new TestServer(new SpringApplicationBuilder(AssayApplication.class).sources(extraBeans)
                .listeners(new LoggingStartGate()).properties(properties).run());
    }

    /** The base URL, ending in a slash, e.g. {@code http://127.0.0.1:41234/}. */
    public String url() {
        return "http://127.0.0.1:" + port + "/";
    }

    /** The HTTP port the server listens on. */
    public int port() {
        return port;
    }

    /** A service of the running server, for arranging a test's data. */
    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** A service of the running server by its bean name, where several share a type. */
    public <T> T bean(String name, Class<T> type) {
        return context.getBean(name, type);
    }

    @Override
    public void close() {
        context.close();
    }
}
