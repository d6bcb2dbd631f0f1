package dev.assay.tasks.execution;

import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;

import java.util.concurrent.atomic.AtomicInteger;

/** A task body that counts how many bodies run at the same moment and remembers the highest count. */
final class ConcurrencyProbe implements FakeTask.Body {

    private final AtomicInteger current = new AtomicInteger();
    private final AtomicInteger highest = new AtomicInteger();

    @Override
    public TaskResult run(TaskContext context) throws InterruptedException {
        highest.accumulateAndGet(current.incrementAndGet(), Math::max);
        // Linger so that a second task, if the limit were broken, would overlap this one.
        Thread.sleep(20);
        current.decrementAndGet();
        return TaskResult.passed();
    }

    int highest() {
        return highest.get();
    }
}
