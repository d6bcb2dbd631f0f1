package dev.assay.server.pipeline.plugins;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.assay.server.pipeline.workers.PipelineTasks;
import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.builtin.SdistTask;
import dev.assay.tasks.builtin.SourceRebuildTask;
import dev.assay.tasks.command.CommandRunner;
import dev.assay.tasks.command.CommandTask;
import dev.assay.tasks.execution.ExecutionPlan;
import dev.assay.tasks.execution.PlanException;
import dev.assay.tasks.plugin.InstalledTask;
import dev.assay.tasks.plugin.LoadFailure;
import dev.assay.tasks.plugin.PluginDiscovery;
import dev.assay.tasks.plugin.PluginLoader;
import dev.assay.tasks.plugin.TaskOrigin;

/**
 * The tasks installed on this machine: the built-ins, the plugin tasks of the {@code *.jar} files in the plugins
 * folder, loaded once, and the command tasks of the configuration. A jar that cannot be loaded, or a task whose
 * name is taken, is a problem named in the list, never a failure of the server or the worker. Whether a task runs is
 * for {@link TaskSwitches} to say.
 */
public final class TaskCatalog implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TaskCatalog.class);

    /** Every piece of initial data some job has: what the added tasks may consume without a producer. */
    private static final Set<DataKey> INITIAL = Set.of(PipelineTasks.DISTRIBUTION, PipelineTasks.JOB,
            PipelineTasks.BUILD_SOURCE, DataKey.WHEEL, DataKey.SDIST, SdistTask.SOURCE_TREE,
            SourceRebuildTask.TAGGED_TREE, SourceRebuildTask.COMMIT_TIME);

    private final Map<String, InstalledTask> tasks = new LinkedHashMap<>();
    private final List<String> problems = new ArrayList<>();
    private final Map<String, CommandTaskProperties> commands = new LinkedHashMap<>();
    private final PluginLoader loader;
    private final CommandRunner runner;

    private TaskCatalog(PluginLoader loader, CommandRunner runner) {
        this.loader = loader;
        this.runner = runner;
    }

    /**
     * The built-in tasks {@code builtIns}, the plugins in {@code pluginsFolder} (absent or null: none) and the command
     * tasks {@code commands}; {@code runner} runs command tasks, these and those the server sends a remote worker.
     */
    public static TaskCatalog load(List<Task> builtIns, Path pluginsFolder, List<CommandTaskProperties> commands,
            CommandRunner runner) {
        TaskCatalog catalog = new TaskCatalog(new PluginLoader(TaskCatalog.class.getClassLoader()), runner);
        TaskOrigin builtIn = new TaskOrigin(TaskOrigin.Kind.BUILT_IN, "class path");
        builtIns.forEach(task -> catalog.add(new InstalledTask(task, builtIn, true)));
        PluginDiscovery plugins = pluginsFolder == null ? new PluginDiscovery(List.of(), List.of())
                : catalog.loader.fromFolder(pluginsFolder);
        catalog.problems.addAll(unreadableJars(pluginsFolder));
        catalog.problems.addAll(plugins.problems());
        plugins.tasks().forEach(catalog::addPlugin);
        for (int i = 0; i < commands.size(); i++) {
            catalog.addCommand("assay.pipeline.command-tasks[" + i + "]", commands.get(i));
        }
        catalog.leaveOutUnplannable(builtIns);
        catalog.problems.forEach(problem -> LOG.error("pipeline plugin not loaded: {}", problem));
        if (!plugins.tasks().isEmpty()) {
            LOG.info("{} plugin task(s) installed from {}: {}", plugins.tasks().size(), pluginsFolder,
                    plugins.tasks().stream().map(InstalledTask::name).toList());
        }
        return catalog;
    }

    // The class loader skips a jar it cannot read without a word; the list must still name it.
    private static List<String> unreadableJars(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar")).sorted()
                    .flatMap(jar -> unreadable(jar).stream()).toList();
        } catch (IOException unlisted) {
            return List.of("plugins folder " + folder + ": " + unlisted.getMessage());
        }
    }

    private static Optional<String> unreadable(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            return Optional.empty();
        } catch (IOException broken) {
            return Optional.of("plugin " + jar + ": not a readable jar file (" + broken.getMessage() + ")");
        }
    }

    /**
     * Leaves out the added tasks that no job could plan — a cycle, an input nothing provides, data another task
     * produces — each a problem naming why: in a job's plan it would stop every task. A task may consume what another
     * added task produces, whichever was loaded first.
     */
    private void leaveOutUnplannable(List<Task> builtIns) {
        List<Task> planned = builtIns.stream().filter(task -> task.produces().stream().noneMatch(INITIAL::contains))
                .collect(Collectors.toCollection(ArrayList::new));
        if (planError(planned).isPresent()) {
            return;
        }
        List<InstalledTask> pending = tasks.values().stream().filter(task -> !builtIn(task))
                .collect(Collectors.toCollection(ArrayList::new));
        boolean progress = true;
        while (progress) {
            progress = pending.removeIf(task -> {
                planned.add(task.task());
                boolean plans = planError(planned).isEmpty();
                if (!plans) {
                    planned.remove(planned.size() - 1);
                }
                return plans;
            });
        }
        for (InstalledTask task : pending) {
            List<Task> trial = new ArrayList<>(planned);
            trial.add(task.task());
            problems.add(task.origin() + ": task '" + task.name() + "' is left out: "
                    + planError(trial).orElse("it cannot be planned"));
            tasks.remove(task.name());
            commands.remove(task.name());
        }
    }

    private static Optional<String> planError(List<Task> tasks) {
        try {
            ExecutionPlan.of(tasks, INITIAL);
            return Optional.empty();
        } catch (PlanException unplannable) {
            return Optional.of(unplannable.getMessage());
        }
    }

    // A bad setting is a problem in the list, as a bad jar is: the other tasks still run.
    private void addCommand(String setting, CommandTaskProperties command) {
        try {
            CommandTask task = CommandTasks.build(setting, command, runner).task();
            if (add(new InstalledTask(task, new TaskOrigin(TaskOrigin.Kind.CONFIGURATION, setting), true))) {
                commands.put(task.name(), command);
            }
        } catch (IllegalArgumentException invalid) {
            problems.add(invalid.getMessage());
        }
    }

    // A plugin's declarations are its own code: one that throws is a problem of its jar, never a failed start.
    private void addPlugin(InstalledTask plugin) {
        try {
            plugin.task().consumes();
            plugin.task().produces();
            add(plugin);
        } catch (RuntimeException | LinkageError broken) {
            problems.add(plugin.origin() + ": task of " + plugin.task().getClass().getName() + " is left out: "
                    + LoadFailure.describe(broken));
        }
    }

    private boolean add(InstalledTask task) {
        InstalledTask other = tasks.putIfAbsent(task.name(), task);
        if (other != null) {
            problems.add(task.origin() + ": task '" + task.name() + "' is left out: " + other.origin()
                    + " has a task of that name");
        }
        return other == null;
    }

    /** Every installed task, built-ins first. */
    public List<InstalledTask> installed() {
        return List.copyOf(tasks.values());
    }

    public Optional<InstalledTask> find(String name) {
        return Optional.ofNullable(tasks.get(name));
    }

    /** The tasks of the plugin jars: a worker adds them to the built-ins it runs. */
    public List<Task> plugins() {
        return tasks.values().stream().filter(TaskCatalog::fromJar).map(InstalledTask::task).toList();
    }

    /** The definitions of the installed command tasks, which the server sends its workers with the switches. */
    public List<CommandTaskProperties> commandDefinitions() {
        return List.copyOf(commands.values());
    }

    /** What runs the command tasks on this machine: its sandbox. */
    CommandRunner commandRunner() {
        return runner;
    }

    /** What could not be installed, each naming its source. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    /** The names of every installed task, as a worker offers them. */
    public List<String> names() {
        return List.copyOf(tasks.keySet());
    }

    static boolean builtIn(InstalledTask task) {
        return task.origin().kind() == TaskOrigin.Kind.BUILT_IN;
    }

    static boolean fromJar(InstalledTask task) {
        return task.origin().kind() == TaskOrigin.Kind.PLUGIN_JAR;
    }

    /** Closes the plugins' class loaders; their tasks must not run afterwards. */
    @Override
    public void close() throws IOException {
        loader.close();
    }
}
