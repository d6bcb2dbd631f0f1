package dev.assay.tasks.execution;

import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** A validated set of tasks in an order that respects their data dependencies. */
public final class ExecutionPlan {

    private final List<Task> tasks;
    private final Set<DataKey> initialData;
    private final Map<DataKey, Task> producers;

    private ExecutionPlan(List<Task> tasks, Set<DataKey> initialData, Map<DataKey, Task> producers) {
        this.tasks = List.copyOf(tasks);
        this.initialData = Set.copyOf(initialData);
        this.producers = Map.copyOf(producers);
    }

    /**
     * Plans {@code tasks} for a job that starts with {@code initialData}.
     *
     * @throws PlanException naming the tasks and keys when two tasks share a name, two producers (or a
     *                       producer and the initial data) share a key, a consumed key has no producer,
     *                       or the tasks depend on each other in a cycle
     */
    public static ExecutionPlan of(Collection<? extends Task> tasks, Set<DataKey> initialData) {
        List<String> problems = new ArrayList<>();
        Map<String, Task> byName = new LinkedHashMap<>();
        for (Task task : tasks) {
            if (byName.putIfAbsent(task.name(), task) != null) {
                problems.add("two tasks are named '" + task.name() + "'");
            }
        }
        Map<DataKey, Task> producers = producers(byName.values(), initialData, problems);
        for (Task task : byName.values()) {
            for (DataKey key : sorted(task.consumes())) {
                if (!producers.containsKey(key) && !initialData.contains(key)) {
                    problems.add("task '" + task.name() + "' consumes '" + key
                            + "', which no task produces and which is not initial data");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new PlanException(problems);
        }
        List<Task> ordered = order(List.copyOf(byName.values()), producers);
        return new ExecutionPlan(ordered, initialData, producers);
    }

    /** The tasks in an order where every producer comes before its consumers; ties keep the given order. */
    public List<Task> tasks() {
        return tasks;
    }

    public Set<DataKey> initialData() {
        return initialData;
    }

    /** The task producing {@code key}, empty for initial data. */
    public Optional<Task> producerOf(DataKey key) {
        return Optional.ofNullable(producers.get(key));
    }

    /** The tasks whose products {@code task} consumes, in plan order. */
    public List<Task> dependenciesOf(Task task) {
        Set<Task> found = new LinkedHashSet<>();
        for (DataKey key : sorted(task.consumes())) {
            producerOf(key).ifPresent(found::add);
        }
        return List.copyOf(found);
    }

    private static Map<DataKey, Task> producers(Collection<Task> tasks, Set<DataKey> initialData,
                                                List<String> problems) {
        Map<DataKey, Task> producers = new HashMap<>();
        for (Task task : tasks) {
            for (DataKey key : sorted(task.produces())) {
                Task other = producers.putIfAbsent(key, task);
                if (other != null) {
                    problems.add("tasks '" + other.name() + "' and '" + task.name() + "' both produce '" + key + "'");
                } else if (initialData.contains(key)) {
                    problems.add("task '" + task.name() + "' produces '" + key + "', which is initial data");
                }
            }
        }
        return producers;
    }

    // Kahn's algorithm, always taking the earliest ready task so the order is stable and predictable.
    private static List<Task> order(List<Task> tasks, Map<DataKey, Task> producers) {
        Map<Task, Set<Task>> waitingOn = new HashMap<>();
        for (Task task : tasks) {
            Set<Task> deps = new HashSet<>();
            task.consumes().stream().map(producers::get).filter(Objects::nonNull).forEach(deps::add);
            waitingOn.put(task, deps);
        }
        List<Task> ordered = new ArrayList<>();
        List<Task> remaining = new ArrayList<>(tasks);
        boolean progress = true;
        while (!remaining.isEmpty() && progress) {
            progress = false;
            for (Task task : remaining) {
                if (ordered.containsAll(waitingOn.get(task))) {
                    ordered.add(task);
                    remaining.remove(task);
                    progress = true;
                    break;
                }
            }
        }
        if (!remaining.isEmpty()) {
            throw new PlanException(List.of("tasks depend on each other in a cycle: "
                    + describeCycle(remaining, waitingOn)));
        }
        return ordered;
    }

    // Every remaining task waits on another remaining one, so walking dependencies must revisit a task.
    private static String describeCycle(List<Task> remaining, Map<Task, Set<Task>> waitingOn) {
        Deque<Task> path = new ArrayDeque<>();
        Task current = remaining.get(0);
        while (!path.contains(current)) {
            path.addLast(current);
            current = waitingOn.get(current).stream().filter(remaining::contains)
                    .min((a, b) -> Integer.compare(remaining.indexOf(a), remaining.indexOf(b)))
                    .orElseThrow();
        }
        while (path.peekFirst() != current) {
            path.removeFirst();
        }
        List<String> names = new ArrayList<>();
        path.forEach(task -> names.add("'" + task.name() + "'"));
        names.add("'" + current.name() + "'");
        // The walk follows "needs" edges; reversed it reads in execution direction: producer → consumer.
        Collections.reverse(names);
        return String.join(" → ", names);
    }

    private static List<DataKey> sorted(Set<DataKey> keys) {
        return keys.stream().sorted().toList();
    }
}
