package dev.assay.server.cli;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.assay.server.AssayApplication;
import dev.assay.server.config.LaunchSettings;

/**
 * A short-lived application context for an admin command: the same services and database as the
 * server, no web server, and no log lines on standard output (which carries the command's answer).
 */
final class CommandContext implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private CommandContext(ConfigurableApplicationContext context) {
        this.context = context;
    }

    static CommandContext open(LaunchSettings settings) {
        Map<String, Object> properties = new HashMap<>(settings.springProperties());
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.log-startup-info", "false");
        properties.put("logging.threshold.console", "OFF");
        properties.put("assay.mode", "command");
        return new CommandContext(new SpringApplicationBuilder(AssayApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run());
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    @Override
    public void close() {
        context.close();
    }
}
