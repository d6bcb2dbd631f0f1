package dev.assay.tasks.plugin;

import dev.assay.tasks.Task;

import java.util.Objects;

/** A task as the registry knows it: the task, where it came from, and whether jobs run it. */
public record InstalledTask(Task task, TaskOrigin origin, boolean enabled) {

    public InstalledTask {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(origin, "origin");
    }

    public String name() {
        return task.name();
    }

    InstalledTask withEnabled(boolean value) {
        return new InstalledTask(task, origin, value);
    }
}
