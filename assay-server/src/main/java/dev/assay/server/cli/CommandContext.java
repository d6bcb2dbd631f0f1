package dev.assay.server.cli;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import dev.assay.server.config.LaunchSettings;

/**
 * A short-lived application context for an admin command: the server's database and accounts services alone (see
 * {@link AdminCommandApplication}), and no log lines on standard output (which carries the command's answer).
 */
final class CommandContext implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final LaunchSettings settings;

    private CommandContext(ConfigurableApplicationContext context, LaunchSettings settings) {
        this.context = context;
        this.settings = settings;
    }

    static CommandContext open(LaunchSettings settings) {
        Map<String, Object> properties = new HashMap<>(settings.springProperties());
        properties.put("spring.main.banner-mode", "off");
        properties.put("spring.main.log-startup-info", "false");
        properties.put("logging.threshold.console", "OFF");
        return new CommandContext(new SpringApplicationBuilder(AdminCommandApplication.class)
                .web(WebApplicationType.NONE)
                .properties(properties)
                .run(), settings);
    }

    <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    /** Where the command acted, for its answer: the data directory and the database. */
    String location() {
        return settings.describeLocation();
    }

    @Override
    public void close() {
        context.close();
    }
}
