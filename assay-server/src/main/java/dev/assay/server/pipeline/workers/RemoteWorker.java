package dev.assay.server.pipeline.workers;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.assay.server.pipeline.matrix.PythonProbe;
import dev.assay.server.pipeline.matrix.Pythons;
import dev.assay.server.pipeline.plugins.SandboxCommandRunner;
import dev.assay.server.pipeline.plugins.SwitchedTasks;
import dev.assay.server.pipeline.plugins.TaskCatalog;
import dev.assay.tasks.builtin.BuiltinSettings;
import dev.assay.tasks.sandbox.SandboxLimits;
import dev.assay.tasks.sandbox.SandboxProbe;
import dev.assay.tasks.sandbox.Strace;

/**
 * {@code assay worker}: a {@link WorkerPool} on another machine that claims jobs from an Assay server over the
 * worker API and runs the same sandboxed tasks as the in-process workers; the server adds the metadata check.
 * It refuses to start, saying why, when this machine cannot sandbox, the server cannot be reached or is not
 * Assay, or the token lacks the worker scope.
 */
public final class RemoteWorker {

    private static final Logger LOG = LoggerFactory.getLogger(RemoteWorker.class);

    /**
     * How to run: against {@code server} with {@code token}, {@code workers} jobs at a time, workspaces under
     * {@code workRoot}.
     */
    public record Settings(URI server, String token, String name, int workers, Path workRoot, Duration heartbeat,
            Duration poll, Duration taskTimeout, List<Path> pythons) {

        public Settings {
            pythons = pythons == null ? List.of() : List.copyOf(pythons);
        }

        /** Offering only the interpreters found by default. */
        public Settings(URI server, String token, String name, int workers, Path workRoot, Duration heartbeat,
                Duration poll, Duration taskTimeout) {
            this(server, token, name, workers, workRoot, heartbeat, poll, taskTimeout, List.of());
        }

        /** The defaults of the in-process workers for what the command line does not set. */
        public static Settings of(URI server, String token, String name, int workers, Path workRoot) {
            return new Settings(server, token, name, workers, workRoot, Duration.ofSeconds(30), Duration.ofSeconds(2),
                    Duration.ofMinutes(30));
        }

        /** The same settings offering the interpreters at {@code paths} besides those found by default. */
        public Settings withPythons(List<Path> paths) {
            return new Settings(server, token, name, workers, workRoot, heartbeat, poll, taskTimeout, paths);
        }

        /** These settings with leases renewed every {@code every}. */
        public Settings withHeartbeat(Duration every) {
            return new Settings(server, token, name, workers, workRoot, every, poll, taskTimeout, pythons);
        }
    }

    private final WorkerPool pool;

    private RemoteWorker(WorkerPool pool) {
        this.pool = pool;
    }

    /** Checks the server, the token and this machine's sandbox, then starts the workers, with no plugins. */
    public static RemoteWorker start(Settings settings) throws IOException {
        return start(settings, null);
    }

    /**
     * As above, the workers also having the plugin tasks of the {@code *.jar} files in {@code plugins} (null: none),
     * each running only once the server's switches enable it.
     */
    public static RemoteWorker start(Settings settings, Path plugins) throws IOException {
        if (settings.workers() < 1) {
            throw new IllegalArgumentException("--workers must be at least 1, was " + settings.workers());
        }
        HttpJobSource source = new HttpJobSource(settings.server(), settings.token());
        source.hello();
        Path workRoot = workRoot(settings.workRoot());
        SandboxProbe probe = DefaultPipelineTasks.probe(workRoot);
        Strace strace = Strace.debian();
        Optional<String> noSandbox = DefaultPipelineTasks.noSandbox(probe, strace);
        if (noSandbox.isPresent()) {
            // never run untrusted code unsandboxed: the worker claims nothing
            throw new JobSource.Refused("no sandbox: " + noSandbox.get() + "; this worker will not run jobs");
        }
        LOG.info("pipeline sandbox: {}", probe.sandbox().get().description());
        // probed again while a tool is missing, so that installing it needs no restart
        Pythons pythons = new Pythons(PythonProbe.probe(settings.pythons()));
        PipelineTasks machine = new WorkerMachine(() -> DefaultPipelineTasks.probe(workRoot), BuiltinSettings::debian,
                strace, source, () -> pythons);
        // loaded for the worker's lifetime: the plugins' class loaders close with the process
        TaskCatalog catalog = TaskCatalog.load(DefaultPipelineTasks.declared(), plugins, List.of(),
                new SandboxCommandRunner(() -> DefaultPipelineTasks.probe(workRoot), SandboxLimits.defaults()));
        PipelineTasks tasks = new SwitchedTasks(machine, catalog, source::taskState);
        JobRunner runner = new JobRunner(tasks, source, settings.taskTimeout(), workRoot, Clock.systemUTC());
        WorkerPool pool = new WorkerPool(source, runner, settings.workers(), settings.heartbeat(), settings.poll(),
                Clock.systemUTC(), WorkerPool.offer(pythons.interpreters()).withTasks(catalog.names()));
        pool.start(settings.name());
        LOG.info("{} worker(s) '{}' claiming jobs from {}", settings.workers(), settings.name(), settings.server());
        return new RemoteWorker(pool);
    }

    /** Completes with the reason when the server refused the workers later (a revoked token). */
    public CompletableFuture<String> refused() {
        return pool.refused();
    }

    /** Stops claiming, gives running jobs {@code grace} to finish, then abandons them; whether all finished. */
    public boolean stop(Duration grace) throws InterruptedException {
        return pool.stop(grace);
    }

    // Run as root, the sandbox drops to nobody, who must reach the workspaces: the directory is made searchable.
    private static Path workRoot(Path requested) throws IOException {
        Path root = Files.createDirectories(requested).toAbsolutePath().normalize();
        Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
        return root;
    }
}
