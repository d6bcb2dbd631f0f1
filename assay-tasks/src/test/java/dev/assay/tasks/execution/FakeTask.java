package dev.assay.tasks.execution;

import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** A task for tests whose behaviour is a lambda; by default it publishes every key it produces and passes. */
record FakeTask(String name, Set<DataKey> consumes, Set<DataKey> produces, Body body) implements Task {

    interface Body {
        TaskResult run(TaskContext context) throws Exception;
    }

    static FakeTask passing(String name, String consumes, String produces) {
        return new FakeTask(name, keys(consumes), keys(produces), null);
    }

    FakeTask doing(Body newBody) {
        return new FakeTask(name, consumes, produces, newBody);
    }

    @Override
    public TaskResult run(TaskContext context) throws Exception {
        if (body != null) {
            return body.run(context);
        }
        produces.forEach(key -> context.publish(key, name + ":" + key));
        return TaskResult.passed();
    }

    static Set<DataKey> keys(String names) {
        if (names.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(names.split(",")).map(String::trim).map(DataKey::of).collect(Collectors.toSet());
    }
}
