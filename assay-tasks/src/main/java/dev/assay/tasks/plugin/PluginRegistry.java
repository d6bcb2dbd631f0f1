package dev.assay.tasks.plugin;

import dev.assay.tasks.Task;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every installed task by name, each enabled or disabled; thread-safe. */
public final class PluginRegistry {

    private final Map<String, InstalledTask> tasks = new LinkedHashMap<>();

    /**
     * Registers {@code installed} in the given order.
     *
     * @throws PluginException if two tasks share a name, naming both origins
     */
    public PluginRegistry(Collection<InstalledTask> installed) {
        for (InstalledTask task : installed) {
            InstalledTask other = tasks.putIfAbsent(task.name(), task);
            if (other != null) {
                throw new PluginException("task '" + task.name() + "' is installed twice: " + other.origin()
                        + " and " + task.origin());
            }
        }
    }

    /** Every installed task, enabled or not, in registration order. */
    public synchronized List<InstalledTask> list() {
        return List.copyOf(tasks.values());
    }

    public synchronized Optional<InstalledTask> find(String name) {
        return Optional.ofNullable(tasks.get(name));
    }

    /**
     * Enables or disables the task named {@code name} without uninstalling it.
     *
     * @throws PluginException if no task has that name
     */
    public synchronized void setEnabled(String name, boolean enabled) {
        InstalledTask task = tasks.get(name);
        if (task == null) {
            throw new PluginException("no task named '" + name + "' is installed");
        }
        tasks.put(name, task.withEnabled(enabled));
    }

    /** The tasks a new job runs. */
    public synchronized List<Task> enabledTasks() {
        return tasks.values().stream().filter(InstalledTask::enabled).map(InstalledTask::task).toList();
    }
}
