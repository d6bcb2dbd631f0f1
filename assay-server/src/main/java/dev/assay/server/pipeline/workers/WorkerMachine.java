package dev.assay.server.pipeline.workers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.WorkerOffer;
import dev.assay.server.pipeline.matrix.Pythons;
import dev.assay.tasks.Task;
import dev.assay.tasks.builtin.BuiltinSettings;
import dev.assay.tasks.builtin.WorkerTools;
import dev.assay.tasks.execution.PlanException;
import dev.assay.tasks.report.ReportEvaluator;
import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxProbe;
import dev.assay.tasks.sandbox.Strace;

/**
 * This machine as a pipeline worker: its sandbox and tools, probed at the first job and again before a job when a
 * tool appeared or vanished (a cheap look at files) or the last probe found one missing — so that installing a
 * tool takes effect at the next job, without a restart. Gives the sandboxed tasks, or a task recording why there
 * is no sandbox; a task whose tool is missing ends in error naming it.
 */
final class WorkerMachine implements PipelineTasks {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerMachine.class);
    private static final Path BWRAP = Path.of("/usr/bin/bwrap");

    private final Supplier<SandboxProbe> sandboxProbe;
    private final Supplier<BuiltinSettings> settings;
    private final Strace strace;
    private final JobSource source;
    private final Supplier<Pythons> pythons;
    // by interpreter: a worker offering several series keeps each one's probe and tasks
    private final Map<Path, Probed> probed = new HashMap<>();
    private final Map<Path, Path> mirrors = new HashMap<>();

    /** What one probe found, and the tasks chosen from it (kept, with their measured baselines, while it holds). */
    private record Probed(BuiltinSettings settings, boolean straced, Optional<String> noSandbox, List<String> missing,
            DefaultPipelineTasks.Chosen chosen) {

        boolean complete() {
            return noSandbox.isEmpty() && missing.isEmpty();
        }

        boolean sameAs(Probed other) {
            return settings.equals(other.settings) && straced == other.straced && noSandbox.equals(other.noSandbox)
                    && missing.equals(other.missing);
        }
    }

    /**
     * Probes with {@code sandboxProbe}, the built-in settings {@code settings} gives now, and {@code strace}; a job
     * of a Python series runs on the interpreter of that series in {@code pythons}.
     */
    WorkerMachine(Supplier<SandboxProbe> sandboxProbe, Supplier<BuiltinSettings> settings, Strace strace,
            JobSource source, Supplier<Pythons> pythons) {
        this.pythons = pythons;
        this.sandboxProbe = sandboxProbe;
        this.settings = settings;
        this.strace = strace;
        this.source = source;
    }

    /** The tasks for the next job on the default interpreter, probing the machine again when it may have changed. */
    DefaultPipelineTasks.Chosen current() {
        return current(settings.get());
    }

    /** The same for a job of a Python series: on this worker's interpreter of that series. */
    DefaultPipelineTasks.Chosen current(String series) throws PlanException {
        BuiltinSettings now = settings.get();
        Pythons offered = pythons.get();
        Path python = offered.executableOf(series).orElseThrow(() -> new PlanException(List.of("this worker has no "
                + "Python " + series + " (it offers " + offered.interpreters().stream()
                .map(WorkerOffer.Interpreter::version).toList() + ")")));
        return current(new BuiltinSettings(python, now.limits(), now.testTools(), now.coverageTools(), now.analysers(),
                now.buildTools()));
    }

    private synchronized DefaultPipelineTasks.Chosen current(BuiltinSettings now) {
        Probed probed = this.probed.get(now.python());
        if (probed != null && probed.complete() && probed.settings().equals(now)
                && probed.straced() == strace.available()) {
            return probed.chosen();
        }
        SandboxProbe probe = sandboxProbe.get();
        Optional<String> noSandbox = DefaultPipelineTasks.noSandbox(probe, strace);
        List<String> missing = WorkerTools.probe(now, strace, BWRAP).missing().stream()
                .map(tool -> tool.name() + " (apt-get install " + tool.debianPackage() + ")").toList();
        Probed fresh = new Probed(now, strace.available(), noSandbox, missing, null);
        if (probed != null && probed.sameAs(fresh)) {
            return probed.chosen();
        }
        probed = new Probed(now, fresh.straced(), noSandbox, missing, choose(probe, noSandbox, now));
        this.probed.put(now.python(), probed);
        report(probed, probe);
        return probed.chosen();
    }

    @Override
    public List<Task> tasks() {
        return current().tasks();
    }

    @Override
    public List<Task> tasks(ClaimedJob job) throws PlanException {
        return job.python() == null ? tasks() : current(job.python()).tasks();
    }

    @Override
    public List<ReportEvaluator> evaluators() {
        return current().evaluators();
    }

    @Override
    public Path workRoot(Path configured) throws IOException {
        return WorkRoot.reachable(configured);
    }

    private DefaultPipelineTasks.Chosen choose(SandboxProbe probe, Optional<String> noSandbox, BuiltinSettings now) {
        if (noSandbox.isPresent()) {
            return new DefaultPipelineTasks.Chosen(List.of(new NoSandboxTask(noSandbox.get())), List.of());
        }
        try {
            Sandbox sandbox = PythonSandbox.of(probe.sandbox().orElseThrow(), now.python(), mirrors);
            return DefaultPipelineTasks.sandboxed(sandbox, strace, now, source);
        } catch (IOException unreachable) {
            return new DefaultPipelineTasks.Chosen(List.of(new NoSandboxTask("the Python " + now.python()
                    + " cannot be shown in the sandbox: " + unreachable.getMessage())), List.of());
        }
    }

    private static void report(Probed probed, SandboxProbe probe) {
        if (probed.noSandbox().isPresent()) {
            LOG.error("NO SANDBOX: pipelines will not run untrusted code; every pipeline records the error: {}",
                    probed.noSandbox().get());
            return;
        }
        LOG.info("pipeline sandbox: {}", probe.report());
        if (!probed.missing().isEmpty()) {
            LOG.warn("this worker lacks {}: the tasks needing them end in error until they are installed "
                    + "(probed again before each job; see assay sandbox check)", String.join(", ", probed.missing()));
        } else {
            LOG.info("every tool the pipeline's tasks need is installed");
        }
    }
}
