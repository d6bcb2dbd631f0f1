package dev.assay.tasks.plugin;

import java.util.List;

/** What a search for tasks found, and what it could not load (each problem naming its source). */
public record PluginDiscovery(List<InstalledTask> tasks, List<String> problems) {

    public PluginDiscovery {
        tasks = List.copyOf(tasks);
        problems = List.copyOf(problems);
    }
}
