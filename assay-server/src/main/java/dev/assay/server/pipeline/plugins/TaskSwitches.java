package dev.assay.server.pipeline.plugins;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.assay.server.accounts.Caller;
import dev.assay.server.error.ForbiddenException;
import dev.assay.server.error.NotFoundException;
import dev.assay.tasks.plugin.InstalledTask;

/**
 * The rules of the task switches: a built-in task runs unless switched off; a plugin or command task is available
 * but disabled until switched on. Only installed tasks can be switched, and over the API only by an administrator.
 */
@Service
public class TaskSwitches {

    private final TaskCatalog catalog;
    private final TaskSwitchRepository switches;
    private final Clock clock;

    public TaskSwitches(TaskCatalog catalog, TaskSwitchRepository switches, Clock clock) {
        this.catalog = catalog;
        this.switches = switches;
        this.clock = clock;
    }

    /** Every installed task, with whether it runs, and what could not be installed. */
    public TaskList list() {
        Map<String, TaskSwitch> set = byName();
        return new TaskList(catalog.installed().stream().map(task -> view(task, set)).toList(), catalog.problems());
    }

    /** Switches the installed task {@code name} on or off, as {@code changedBy}. */
    @Transactional
    public TaskView change(String name, boolean enabled, String changedBy) {
        InstalledTask task = catalog.find(name).orElseThrow(() -> new NotFoundException("no task named '" + name
                + "' is installed: `assay plugins list` shows the installed tasks (a plugin's jar goes in the "
                + "plugins folder, then the server restarts)"));
        switches.save(new TaskSwitch(name, enabled, changedBy, clock.instant()));
        return view(task, byName());
    }

    /** The same for {@code caller}, who must be an administrator signed in with a password. */
    public TaskView change(Caller caller, String name, boolean enabled) {
        return change(name, enabled, requireAdministrator(caller).name());
    }

    /** Every installed task, for {@code caller}, who must be an administrator. */
    public TaskList list(Caller caller) {
        requireAdministrator(caller);
        return list();
    }

    /** The names that run and those that do not, and the command tasks' definitions, for the workers. */
    public TaskState state() {
        Map<String, TaskSwitch> set = byName();
        Set<String> enabled = new HashSet<>();
        Set<String> disabled = new HashSet<>();
        set.values().forEach(change -> (change.enabled() ? enabled : disabled).add(change.name()));
        for (InstalledTask task : catalog.installed()) {
            (enabled(task, set) ? enabled : disabled).add(task.name());
        }
        return new TaskState(enabled, disabled, catalog.commandDefinitions());
    }

    /**
     * The enabled tasks of plugin jars: every worker must have their jars. A command task is not among them: the
     * server sends its definition to every worker.
     */
    public List<String> enabledPlugins() {
        List<InstalledTask> jars = catalog.installed().stream().filter(TaskCatalog::fromJar).toList();
        if (jars.isEmpty()) {
            // every claim asks: without a plugin jar there is no switch worth reading
            return List.of();
        }
        Map<String, TaskSwitch> set = byName();
        return jars.stream().filter(task -> enabled(task, set)).map(InstalledTask::name).toList();
    }

    private static TaskView view(InstalledTask task, Map<String, TaskSwitch> set) {
        return TaskView.of(task, enabled(task, set), set.get(task.name()));
    }

    private static boolean enabled(InstalledTask task, Map<String, TaskSwitch> set) {
        TaskSwitch change = set.get(task.name());
        return change != null ? change.enabled() : TaskCatalog.builtIn(task);
    }

    private Map<String, TaskSwitch> byName() {
        return switches.all().stream().collect(Collectors.toMap(TaskSwitch::name, Function.identity()));
    }

    private static Caller requireAdministrator(Caller caller) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("only administrators (the admins group, signed in with a password, not a "
                    + "token) may list and switch pipeline tasks");
        }
        return caller;
    }
}
