package dev.assay.server.cli;

import java.util.Locale;
import java.util.Map;

import org.springframework.boot.logging.LoggingInitializationContext;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import picocli.CommandLine.Option;

/** How the long-running commands ({@code serve}, {@code worker}) write their log: text for people, JSON lines for machines. */
final class LogOptions {

    /** The log formats a person may choose. */
    enum Format {
        TEXT, JSON
    }

    @Option(names = "--log-format", paramLabel = "text|json", defaultValue = "${env:ASSAY_LOG_FORMAT:-text}",
            converter = FormatConverter.class,
            description = "text, or json for one JSON object per line (Elastic Common Schema) "
                    + "(env ASSAY_LOG_FORMAT, default ${DEFAULT-VALUE}).")
    Format format = Format.TEXT;

    boolean json() {
        return format == Format.JSON;
    }

    /** The Spring properties of this format: Spring Boot's own structured logging, in Elastic Common Schema. */
    Map<String, Object> springProperties() {
        return json() ? Map.of("logging.structured.format.console", "ecs") : Map.of();
    }

    /**
     * Sets up logging as Spring Boot does, for a command that starts no Spring application ({@code worker}): with
     * JSON, the same structured lines as the server's; with text, the logging library's default stays.
     */
    void applyWithoutSpring() {
        if (!json()) {
            return;
        }
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("assay-log-format", springProperties()));
        environment.getPropertySources().addFirst(new MapPropertySource("assay-application",
                Map.of("spring.application.name", "assay-worker")));
        LoggingSystem system = LoggingSystem.get(LogOptions.class.getClassLoader());
        system.beforeInitialize();
        system.initialize(new LoggingInitializationContext(environment), null, null);
    }

    /** Reads {@code text} or {@code json} in any case; anything else is refused with the choices. */
    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a log format; use text or json");
            }
        }
    }
}
