package dev.assay.server.pipeline;

import java.util.List;

/**
 * What a worker can run, sent with every claim: the Assay version it was built as, the Python interpreters it has
 * and the names of the tasks it can run. The queue gives a worker only jobs its offer can carry out.
 *
 * @param version      the worker's Assay version ({@link AssayVersion}); null from a worker too old to send one
 * @param interpreters the Python interpreters the worker found, probed at its start
 * @param tasks        the names of the pipeline tasks the worker has (built-in, plugins, command tasks)
 */
public record WorkerOffer(String version, List<Interpreter> interpreters, List<String> tasks) {

    /** The offer of a caller that sent none: nothing known about it. */
    public static final WorkerOffer UNKNOWN = new WorkerOffer(null, List.of(), List.of());

    public WorkerOffer {
        interpreters = interpreters == null ? List.of() : List.copyOf(interpreters);
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }

    /** The same offer with the names of the tasks the worker has. */
    public WorkerOffer withTasks(List<String> names) {
        return new WorkerOffer(version, interpreters, names);
    }

    /**
     * One Python interpreter of a worker, as its probe reported it.
     *
     * @param version        the full version, e.g. {@code 3.11.7}
     * @param implementation e.g. {@code cpython}
     * @param executable     its path on the worker
     * @param tags           the wheel platform tags it accepts, most specific first (may be empty)
     */
    public record Interpreter(String version, String implementation, String executable, List<String> tags) {

        public Interpreter {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }
}
