package dev.assay.server.pipeline.plugins;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import dev.assay.tasks.DataKey;
import dev.assay.tasks.plugin.InstalledTask;
import dev.assay.tasks.plugin.TaskOrigin;

/**
 * One installed task as the list, the API and the admin page show it.
 *
 * @param origin    {@code built-in}, {@code plugin} or {@code configuration}
 * @param source    the plugin's jar file name, or the configuration setting; empty for a built-in
 * @param version   the plugin jar's {@code Implementation-Version}, or empty
 * @param changedBy who last switched it; null when nobody has (it has its default)
 */
public record TaskView(String name, String origin, String source, String version, List<String> consumes,
        List<String> produces, boolean enabled, String changedBy, Instant changedAt) {

    static TaskView of(InstalledTask task, boolean enabled, TaskSwitch change) {
        // only a plugin's own jar says its version; a built-in's or a command task's class is Assay's
        Package from = task.origin().kind() == TaskOrigin.Kind.PLUGIN_JAR ? task.task().getClass().getPackage() : null;
        String version = from == null ? null : from.getImplementationVersion();
        return new TaskView(task.name(), origin(task), source(task), version == null ? "" : version,
                names(task.task().consumes()), names(task.task().produces()), enabled,
                change == null ? null : change.changedBy(), change == null ? null : change.changedAt());
    }

    private static String origin(InstalledTask task) {
        return switch (task.origin().kind()) {
            case BUILT_IN -> "built-in";
            case PLUGIN_JAR -> "plugin";
            case CONFIGURATION -> "configuration";
        };
    }

    private static String source(InstalledTask task) {
        return switch (task.origin().kind()) {
            case BUILT_IN -> "";
            case PLUGIN_JAR -> String.valueOf(Path.of(task.origin().source()).getFileName());
            case CONFIGURATION -> task.origin().source();
        };
    }

    private static List<String> names(java.util.Set<DataKey> keys) {
        return keys.stream().sorted().map(DataKey::name).toList();
    }
}
