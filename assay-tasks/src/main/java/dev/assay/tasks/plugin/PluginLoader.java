package dev.assay.tasks.plugin;

import dev.assay.tasks.Task;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * Finds {@link Task} implementations with {@link ServiceLoader}: built-ins on the class path and plugins
 * in {@code *.jar} files of a folder. Keeps the plugins' class loaders open until closed.
 */
public final class PluginLoader implements AutoCloseable {

    // A broken provider list can fail on every step; give up on a source after this many errors.
    private static final int MAX_ERRORS_PER_SOURCE = 20;

    private final ClassLoader parent;
    private final List<URLClassLoader> loaders = new ArrayList<>();

    /** A loader whose built-ins and plugin parent are {@code parent}, usually the application class loader. */
    public PluginLoader(ClassLoader parent) {
        this.parent = parent;
    }

    /** The tasks registered as services on the class path, enabled. */
    public PluginDiscovery builtIns() {
        List<InstalledTask> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        load(ServiceLoader.load(Task.class, parent), type -> true,
                new TaskOrigin(TaskOrigin.Kind.BUILT_IN, "class path"), found, problems);
        return new PluginDiscovery(found, problems);
    }

    /**
     * The tasks in the {@code *.jar} files of {@code folder}, in file name order, enabled; no folder means
     * no plugins. A jar that cannot be read or whose providers fail is a problem, not a failure.
     */
    public synchronized PluginDiscovery fromFolder(Path folder) {
        List<InstalledTask> found = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Path jar : jars(folder)) {
            URLClassLoader loader;
            try {
                loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, parent);
            } catch (MalformedURLException e) {
                problems.add(jar + ": " + e.getMessage());
                continue;
            }
            loaders.add(loader);
            // The jar's loader also sees the parent's providers; only classes the jar defines are its own.
            load(ServiceLoader.load(Task.class, loader), type -> type.getClassLoader() == loader,
                    new TaskOrigin(TaskOrigin.Kind.PLUGIN_JAR, jar.toString()), found, problems);
        }
        return new PluginDiscovery(found, problems);
    }

    private static List<Path> jars(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list plugins folder " + folder, e);
        }
    }

    private static void load(ServiceLoader<Task> services, Predicate<Class<?>> own, TaskOrigin origin,
                             List<InstalledTask> found, List<String> problems) {
        Iterator<ServiceLoader.Provider<Task>> providers = services.stream().iterator();
        int errors = 0;
        while (errors < MAX_ERRORS_PER_SOURCE) {
            try {
                if (!providers.hasNext()) {
                    return;
                }
                ServiceLoader.Provider<Task> provider = providers.next();
                if (own.test(provider.type())) {
                    found.add(new InstalledTask(provider.get(), origin, true));
                }
            } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
                // a class the jar needs but lacks, or a failing static initialiser, must not stop the others either
                errors++;
                problems.add(origin + ": " + LoadFailure.describe(e));
            }
        }
    }

    /** Closes the plugins' class loaders; their tasks must not run afterwards. */
    @Override
    public synchronized void close() throws IOException {
        for (URLClassLoader loader : loaders) {
            loader.close();
        }
        loaders.clear();
    }
}
