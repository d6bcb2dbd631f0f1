package dev.assay.tasks.execution;

import java.util.List;

/** A set of tasks that cannot be planned: a missing producer, a cycle, or two tasks claiming one name or key. */
public final class PlanException extends RuntimeException {

    private final List<String> problems;

    public PlanException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, one sentence each, naming the tasks and data keys involved. */
    public List<String> problems() {
        return problems;
    }
}
