package dev.assay.server.pipeline.plugins;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.assay.server.config.AssayProperties;

/**
 * Where the pipeline's plugin jars are ({@code assay.pipeline.plugins}, default {@code DATA/plugins}), and its
 * command tasks ({@code assay.pipeline.command-tasks[N].*}).
 *
 * @param plugins      the folder whose {@code *.jar} files hold plugin tasks; null for {@code DATA/plugins}
 * @param commandTasks the command tasks, run in the sandbox
 */
@ConfigurationProperties("assay.pipeline")
public record PluginProperties(Path plugins, List<CommandTaskProperties> commandTasks) {

    public PluginProperties {
        commandTasks = commandTasks == null ? List.of() : List.copyOf(commandTasks);
    }

    /** The plugins folder of a server whose data directory {@code assay} gives. */
    public Path folder(AssayProperties assay) {
        return plugins != null ? plugins : assay.data().resolve("plugins");
    }
}
