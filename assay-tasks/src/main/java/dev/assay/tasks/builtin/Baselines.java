package dev.assay.tasks.builtin;

import dev.assay.tasks.TaskContext;
import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxLimits;
import dev.assay.tasks.sandbox.Strace;
import dev.assay.tasks.sandbox.TracePolicy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.ExecutionException;

/**
 * Measures each traced step's {@link TraceBaseline} once per instance — one per worker process, shared by its
 * built-in tasks — at the first job that needs it:
 * the same step, traced in the same sandbox, with an empty package. When measuring fails the step falls back
 * to a known list and the baseline's {@code source} says why; a failed measurement is retried by a later job.
 */
public final class Baselines {

    /** Runs the step with an empty package in {@code step} and returns its trace; throws when the run failed. */
    @FunctionalInterface
    interface Measurement {
        Path trace(SandboxStep step) throws IOException, InterruptedException;
    }

    private final ConcurrentMap<String, CompletableFuture<TraceBaseline>> measured = new ConcurrentHashMap<>();

    /**
     * The baseline of step {@code key}, measured with {@code measurement} in a {@code baseline-<key>} directory
     * of this task's workspace unless this instance already measured it.
     */
    TraceBaseline of(String key, TaskContext context, Sandbox sandbox, SandboxLimits limits,
                     Set<String> fallbackPrograms, Measurement measurement) throws InterruptedException {
        CompletableFuture<TraceBaseline> mine = new CompletableFuture<>();
        CompletableFuture<TraceBaseline> known = measured.putIfAbsent(key, mine);
        if (known != null) {
            try {
                return known.get();
            } catch (ExecutionException e) {
                return fallback(key, context, fallbackPrograms, e.getCause());
            }
        }
        context.log("measuring the " + key + " baseline: the same traced step with an empty package");
        TraceBaseline baseline;
        try {
            SandboxStep step = new SandboxStep(sandbox, context, limits, "baseline-" + key);
            Path trace = measurement.trace(step);
            baseline = TraceBaseline.observed(Strace.events(trace, TracePolicy.workspaceOnly(step.workspaceInside())),
                    "measured: the " + key + " step with an empty package, once per worker process")
                    .withEnvReads(EnvReads.read(step.envReadsFile("baseline")));
        } catch (IOException | RuntimeException e) {
            measured.remove(key, mine);
            baseline = fallback(key, context, fallbackPrograms, e);
        } catch (InterruptedException e) {
            measured.remove(key, mine);
            mine.complete(fallback(key, context, fallbackPrograms, e));
            throw e;
        }
        mine.complete(baseline);
        context.log(key + " baseline: " + baseline.toRawData());
        return baseline;
    }

    private static TraceBaseline fallback(String key, TaskContext context, Set<String> programs, Throwable why) {
        String source = "fallback: measuring the " + key + " baseline failed (" + why.getMessage()
                + "), so the known list is used";
        context.log(source);
        // Every traced command runs under the sandbox's supervisor, a bash script.
        Set<String> known = new TreeSet<>(programs);
        known.add("bash");
        return new TraceBaseline(known, List.of(), source);
    }

    /** Throws unless a measurement's sandboxed run succeeded. */
    static void require(dev.assay.tasks.sandbox.SandboxResult result, String what) throws IOException {
        if (!result.succeeded()) {
            throw new IOException(what + " exited with " + result.exitCode()
                    + (result.killedByLimit() ? ", limits hit " + result.limitsHit() : "") + ": "
                    + BuildReport.lastLines(result.stdout() + result.stderr(), 3));
        }
    }
}
