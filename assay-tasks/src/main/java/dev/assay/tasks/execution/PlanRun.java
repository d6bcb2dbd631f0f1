package dev.assay.tasks.execution;

import dev.assay.tasks.DataKey;
import dev.assay.tasks.RawData;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskOutcome;
import dev.assay.tasks.TaskResult;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One run of a plan. The calling thread coordinates: it starts ready tasks up to the parallelism limit,
 * waits for one to finish or for the earliest deadline, and decides skips; task threads only run tasks.
 */
final class PlanRun {

    private record Running(Task task, RunningTaskContext context, Future<?> future, Instant start,
                           long deadlineNanos, Duration timeout) {
    }

    private record Completion(String task, TaskResult result, Throwable failure, Instant end) {
    }

    private final ExecutionPlan plan;
    private final ExecutionSettings settings;
    private final Clock clock;
    private final ExecutorService executor;
    private final ExecutionListener listener;
    private final Path workspace;

    private final Map<DataKey, Object> available;
    private final Map<String, TaskExecution> finished = new HashMap<>();
    // Why a task did not pass, in the words its consumers' skip reasons use ("'build' failed").
    private final Map<String, String> blockers = new HashMap<>();
    private final Map<String, Running> running = new HashMap<>();
    private final BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();

    PlanRun(ExecutionPlan plan, ExecutionSettings settings, Clock clock, ExecutorService executor,
            ExecutionListener listener, Path workspace, Map<DataKey, Object> initialData) {
        this.plan = plan;
        this.settings = settings;
        this.clock = clock;
        this.executor = executor;
        this.listener = listener;
        this.workspace = workspace;
        this.available = new HashMap<>(initialData);
    }

    ExecutionReport run() throws InterruptedException {
        Instant start = clock.instant();
        List<Task> pending = new ArrayList<>(plan.tasks());
        try {
            while (!pending.isEmpty() || !running.isEmpty()) {
                startOrSkipReady(pending);
                awaitProgress();
            }
        } catch (InterruptedException e) {
            running.values().forEach(r -> r.future().cancel(true));
            throw e;
        }
        List<TaskExecution> executions = plan.tasks().stream().map(t -> finished.get(t.name())).toList();
        return new ExecutionReport(workspace, executions, start, clock.instant());
    }

    // Pending is in plan order, so a producer is decided before any of its consumers is examined.
    private void startOrSkipReady(List<Task> pending) {
        for (var it = pending.iterator(); it.hasNext(); ) {
            Task task = it.next();
            List<Task> producers = plan.dependenciesOf(task);
            if (!producers.stream().allMatch(p -> finished.containsKey(p.name()))) {
                continue;
            }
            Set<String> reasons = missingInputReasons(task);
            if (!reasons.isEmpty()) {
                skip(task, reasons);
                it.remove();
            } else if (running.size() < settings.parallelism()) {
                start(task);
                it.remove();
            }
        }
    }

    private Set<String> missingInputReasons(Task task) {
        Set<String> reasons = new LinkedHashSet<>();
        for (DataKey key : task.consumes().stream().sorted().toList()) {
            if (!available.containsKey(key)) {
                String producer = plan.producerOf(key).orElseThrow().name();
                reasons.add(blockers.getOrDefault(producer, "'" + producer + "' did not produce '" + key + "'"));
            }
        }
        return reasons;
    }

    private void skip(Task task, Set<String> reasons) {
        String reason = String.join(", ", reasons);
        blockers.put(task.name(), reason);
        Instant now = clock.instant();
        finish(new TaskExecution(task.name(), TaskOutcome.SKIPPED, "skipped: " + reason, now, now, List.of(),
                RawData.EMPTY));
    }

    private void start(Task task) {
        Duration timeout = settings.timeoutFor(task.name());
        Instant start = clock.instant();
        Map<DataKey, Object> inputs = new HashMap<>();
        task.consumes().forEach(key -> inputs.put(key, available.get(key)));
        RunningTaskContext context = new RunningTaskContext(task, inputs, workspace, start.plus(timeout), clock,
                listener, settings.maxLogLines());
        long deadlineNanos = System.nanoTime() + timeout.toNanos();
        listener.taskStarted(task.name());
        Future<?> future = executor.submit(() -> execute(task, context));
        running.put(task.name(), new Running(task, context, future, start, deadlineNanos, timeout));
    }

    // Runs on a task thread; it must always report back, or the coordinator would wait for the deadline.
    private void execute(Task task, RunningTaskContext context) {
        TaskResult result = null;
        Throwable failure = null;
        try {
            result = task.run(context);
        } catch (Throwable t) {
            failure = t;
        }
        completions.add(new Completion(task.name(), result, failure, clock.instant()));
    }

    private void awaitProgress() throws InterruptedException {
        if (running.isEmpty()) {
            return;
        }
        long earliest = running.values().stream().mapToLong(Running::deadlineNanos).min().orElseThrow();
        Completion completion = completions.poll(Math.max(0, earliest - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (completion != null) {
            complete(completion);
        }
        long now = System.nanoTime();
        for (Running r : List.copyOf(running.values())) {
            if (now - r.deadlineNanos() >= 0) {
                timeOut(r);
            }
        }
    }

    private void complete(Completion completion) {
        // A task that timed out may still report back later; its execution is already decided.
        Running r = running.remove(completion.task());
        if (r == null) {
            return;
        }
        TaskOutcome outcome;
        String message;
        if (completion.failure() != null) {
            outcome = TaskOutcome.ERROR;
            message = describe(completion.failure());
            logStackTrace(r, completion.failure());
        } else if (completion.result() == null) {
            outcome = TaskOutcome.ERROR;
            message = "task returned no result";
        } else {
            outcome = completion.result().outcome();
            message = completion.result().message();
        }
        r.context().close();
        if (outcome == TaskOutcome.PASSED) {
            available.putAll(r.context().published());
        } else {
            blockers.put(r.task().name(), "'" + r.task().name() + "' " + verb(outcome));
        }
        finish(new TaskExecution(r.task().name(), outcome, message, r.start(), completion.end(),
                r.context().logLines(), r.context().rawData()));
    }

    private void timeOut(Running r) {
        running.remove(r.task().name());
        r.context().log("[assay] timed out after " + format(r.timeout()) + "; interrupting");
        r.context().close();
        // The thread may ignore the interrupt; its slot is freed anyway so the job can go on.
        r.future().cancel(true);
        blockers.put(r.task().name(), "'" + r.task().name() + "' timed out");
        finish(new TaskExecution(r.task().name(), TaskOutcome.ERROR, "timed out after " + format(r.timeout()),
                r.start(), clock.instant(), r.context().logLines(), r.context().rawData()));
    }

    private void finish(TaskExecution execution) {
        finished.put(execution.task(), execution);
        listener.taskFinished(execution);
    }

    private static void logStackTrace(Running r, Throwable failure) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        trace.toString().lines().forEach(line -> r.context().log(line));
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? failure.getClass().getName() : message;
    }

    private static String verb(TaskOutcome outcome) {
        return switch (outcome) {
            case FAILED -> "failed";
            case ERROR -> "could not run";
            case SKIPPED -> "was skipped";
            case PASSED -> "passed";
        };
    }

    static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = millis / 1000;
        if (seconds % 60 != 0 || seconds < 60) {
            return seconds + "s";
        }
        return seconds / 60 + "min";
    }
}
