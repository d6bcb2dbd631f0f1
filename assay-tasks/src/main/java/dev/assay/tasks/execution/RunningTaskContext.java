package dev.assay.tasks.execution;

import dev.assay.tasks.DataKey;
import dev.assay.tasks.RawData;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The context of one execution; once closed it ignores logs, raw data and publications from a late task. */
final class RunningTaskContext implements TaskContext {

    private final Task task;
    private final Map<DataKey, Object> inputs;
    private final Path workspace;
    private final Instant deadline;
    private final Clock clock;
    private final ExecutionListener listener;
    private final int maxLogLines;

    private final List<String> log = new ArrayList<>();
    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, Path> files = new LinkedHashMap<>();
    private final Map<DataKey, Object> published = new LinkedHashMap<>();
    private int droppedLines;
    private boolean closed;

    RunningTaskContext(Task task, Map<DataKey, Object> inputs, Path workspace, Instant deadline, Clock clock,
                       ExecutionListener listener, int maxLogLines) {
        this.task = task;
        this.inputs = Map.copyOf(inputs);
        this.workspace = workspace.toAbsolutePath().normalize();
        this.deadline = deadline;
        this.clock = clock;
        this.listener = listener;
        this.maxLogLines = maxLogLines;
    }

    @Override
    public Map<DataKey, Object> inputs() {
        return inputs;
    }

    @Override
    public <T> T input(DataKey key, Class<T> type) {
        if (!inputs.containsKey(key)) {
            throw new IllegalArgumentException("task '" + task.name() + "' does not consume '" + key + "'");
        }
        return type.cast(inputs.get(key));
    }

    @Override
    public Path workspace() {
        return workspace;
    }

    @Override
    public void log(String line) {
        synchronized (this) {
            if (closed) {
                return;
            }
            if (log.size() >= maxLogLines) {
                droppedLines++;
                return;
            }
            log.add(line);
        }
        listener.logLine(task.name(), line);
    }

    @Override
    public synchronized void record(String name, Object value) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
        if (!closed) {
            values.put(name, value);
        }
    }

    @Override
    public void attach(String name, Path file) {
        Objects.requireNonNull(name, "name");
        Path absolute = workspace.resolve(file).toAbsolutePath().normalize();
        if (!absolute.startsWith(workspace)) {
            throw new IllegalArgumentException("raw data file " + file + " of task '" + task.name()
                    + "' is outside the workspace " + workspace);
        }
        synchronized (this) {
            if (!closed) {
                files.put(name, workspace.relativize(absolute));
            }
        }
    }

    @Override
    public synchronized void publish(DataKey key, Object value) {
        if (!task.produces().contains(key)) {
            throw new IllegalArgumentException("task '" + task.name() + "' does not produce '" + key + "'");
        }
        Objects.requireNonNull(value, "value");
        if (!closed) {
            published.put(key, value);
        }
    }

    @Override
    public Instant deadline() {
        return deadline;
    }

    @Override
    public Duration remaining() {
        Duration left = Duration.between(clock.instant(), deadline);
        return left.isNegative() ? Duration.ZERO : left;
    }

    @Override
    public synchronized boolean isCancelled() {
        return closed;
    }

    /** Stops accepting anything from the task. */
    synchronized void close() {
        closed = true;
    }

    synchronized List<String> logLines() {
        if (droppedLines == 0) {
            return List.copyOf(log);
        }
        List<String> lines = new ArrayList<>(log);
        lines.add("[assay] " + droppedLines + " more log lines were dropped (limit " + maxLogLines + ")");
        return lines;
    }

    synchronized RawData rawData() {
        return new RawData(values, files);
    }

    synchronized Map<DataKey, Object> published() {
        return Map.copyOf(published);
    }
}
