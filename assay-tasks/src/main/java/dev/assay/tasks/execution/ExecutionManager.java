package dev.assay.tasks.execution;

import dev.assay.tasks.DataKey;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs an {@link ExecutionPlan}: independent tasks in parallel up to the configured limit, each within
 * its timeout, skipping every task whose inputs were not produced.
 */
public final class ExecutionManager {

    private final ExecutionSettings settings;
    private final Clock clock;
    private final ExecutorService executor;

    /** A manager that creates a thread pool for each run and shuts it down afterwards. */
    public ExecutionManager(ExecutionSettings settings, Clock clock) {
        this(settings, clock, null);
    }

    /**
     * A manager that runs tasks on {@code executor}, which the caller owns and shuts down. The manager
     * still starts at most {@link ExecutionSettings#parallelism()} tasks of a run at a time; the executor
     * needs at least that many threads, and spare ones for tasks that ignore interruption after a timeout.
     */
    public ExecutionManager(ExecutionSettings settings, Clock clock, ExecutorService executor) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = executor;
    }

    /** Runs {@code plan} in {@code workspace}, starting from {@code initialData}. */
    public ExecutionReport run(ExecutionPlan plan, Map<DataKey, Object> initialData, Path workspace)
            throws InterruptedException {
        return run(plan, initialData, workspace, ExecutionListener.NONE);
    }

    /**
     * Runs {@code plan} in {@code workspace}, starting from {@code initialData} (one value for each of the
     * plan's initial keys), telling {@code listener} as tasks start, log and finish. Blocks until every
     * task has finished, been skipped or timed out.
     *
     * @throws InterruptedException if the calling thread is interrupted; running tasks are then interrupted too
     */
    public ExecutionReport run(ExecutionPlan plan, Map<DataKey, Object> initialData, Path workspace,
                               ExecutionListener listener) throws InterruptedException {
        if (!initialData.keySet().containsAll(plan.initialData())) {
            throw new IllegalArgumentException("initial data " + initialData.keySet()
                    + " lacks some of the plan's initial keys " + plan.initialData());
        }
        if (!Files.isDirectory(workspace)) {
            throw new IllegalArgumentException("workspace " + workspace + " is not a directory");
        }
        if (executor != null) {
            return new PlanRun(plan, settings, clock, executor, listener, workspace, initialData).run();
        }
        ExecutorService own = newPool();
        try {
            return new PlanRun(plan, settings, clock, own, listener, workspace, initialData).run();
        } finally {
            own.shutdownNow();
        }
    }

    // Cached rather than fixed: the run enforces the limit itself, and a task thread stuck after its
    // timeout must not hold back the tasks that come after it.
    private static ExecutorService newPool() {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory factory = runnable -> {
            Thread thread = new Thread(runnable, "assay-task-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        return Executors.newCachedThreadPool(factory);
    }
}
