package dev.assay.server.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.assay.server.config.AssayProperties;
import dev.assay.tasks.Task;
import dev.assay.tasks.builtin.BuiltinSettings;
import dev.assay.tasks.builtin.BuiltinTasks;
import dev.assay.tasks.report.ReportEvaluator;
import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxProbe;
import dev.assay.tasks.sandbox.Strace;

/**
 * The in-process {@code metadata} check, then — when {@code assay.pipeline.sandbox} is on and this machine can
 * sandbox — the staged {@code wheelhouse} and {@code build-wheelhouse}, the {@code sdist} build of a pushed commit
 * and the sandboxed built-in tasks; on a machine that cannot, an error task saying why. The machine is probed
 * once, at the first job.
 */
@Component
class DefaultPipelineTasks implements PipelineTasks {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultPipelineTasks.class);

    private final PipelineProperties properties;
    private final JobSource source;
    private final Supplier<SandboxProbe> probe;
    private volatile Chosen chosen;

    /** Tasks and the evaluators of their reports. */
    record Chosen(List<Task> tasks, List<ReportEvaluator> evaluators) implements PipelineTasks {
    }

    @Autowired
    DefaultPipelineTasks(PipelineProperties properties, InProcessJobSource source, AssayProperties assay) {
        this(properties, source, () -> probe(JobRunner.workRoot(assay)));
    }

    /** With another probe of the machine, for tests. */
    DefaultPipelineTasks(PipelineProperties properties, JobSource source, Supplier<SandboxProbe> probe) {
        this.properties = properties;
        this.source = source;
        this.probe = probe;
    }

    /** Why this machine cannot run the sandboxed tasks, or empty when it can. */
    static Optional<String> noSandbox(SandboxProbe probe, Strace strace) {
        if (probe.sandbox().isEmpty()) {
            return Optional.of(probe.report());
        }
        return strace.available() ? Optional.empty() : Optional.of("strace is not installed (apt-get install strace)");
    }

    /** The staged wheelhouse and the sandboxed built-in tasks, as every worker (in-process or remote) runs them. */
    static Chosen sandboxed(Sandbox sandbox, Strace strace, BuiltinSettings settings, JobSource source) {
        BuiltinTasks builtins = new BuiltinTasks(sandbox, strace, settings);
        WorkerMarkers markers = new WorkerMarkers(settings.python());
        List<Task> tasks = new ArrayList<>(List.of(new WheelhouseTask(source, markers),
                new BuildWheelhouseTask(source, markers)));
        tasks.addAll(builtins.tasks());
        List<ReportEvaluator> evaluators = new ArrayList<>(List.of(WheelhouseReport.dependencies(),
                WheelhouseReport.buildRequirements()));
        evaluators.addAll(builtins.evaluators());
        return new Chosen(List.copyOf(tasks), List.copyOf(evaluators));
    }

    /** This machine's sandbox for job workspaces under {@code workRoot}, as every worker and the check see it. */
    static SandboxProbe probe(Path workRoot) {
        return withReachableWorkspaces(Sandbox.probe(), workRoot);
    }

    /**
     * The probe, unless the sandbox's unprivileged user cannot reach the job workspaces: run as root, the
     * sandbox drops to nobody on the host, who needs search permission on every directory above them.
     */
    static SandboxProbe withReachableWorkspaces(SandboxProbe probe, Path workRoot) {
        if (probe.sandbox().isEmpty() || !"root".equals(System.getProperty("user.name"))) {
            return probe;
        }
        for (Path dir = workRoot.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            try {
                if (Files.exists(dir) && !Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return new SandboxProbe(Optional.empty(), "the sandbox's user (nobody) cannot reach the job "
                            + "workspaces under " + workRoot + ": run chmod o+x " + dir);
                }
            } catch (IOException | UnsupportedOperationException unknown) {
                return probe;
            }
        }
        return probe;
    }

    @Override
    public List<Task> tasks() {
        return chosen().tasks();
    }

    @Override
    public List<ReportEvaluator> evaluators() {
        return chosen().evaluators();
    }

    private Chosen chosen() {
        Chosen known = chosen;
        if (known == null) {
            synchronized (this) {
                if (chosen == null) {
                    chosen = choose();
                }
                known = chosen;
            }
        }
        return known;
    }

    private Chosen choose() {
        List<Task> tasks = new ArrayList<>(List.of(new MetadataTask()));
        List<ReportEvaluator> evaluators = new ArrayList<>(List.of(new MetadataReport()));
        if (!properties.sandbox()) {
            LOG.info("assay.pipeline.sandbox=false: pipelines run only the in-process metadata check");
            return new Chosen(tasks, evaluators);
        }
        SandboxProbe probe = this.probe.get();
        Strace strace = Strace.debian();
        Optional<String> why = noSandbox(probe, strace);
        if (why.isPresent()) {
            LOG.error("NO SANDBOX: pipelines will not run untrusted code; every pipeline records the error: {}",
                    why.get());
            tasks.add(new NoSandboxTask(why.get()));
            return new Chosen(tasks, evaluators);
        }
        Sandbox sandbox = probe.sandbox().get();
        LOG.info("pipeline sandbox: {}", sandbox.description());
        BuiltinSettings settings = BuiltinSettings.debian().withLimits(properties.limits().toSandboxLimits());
        Chosen sandboxed = sandboxed(sandbox, strace, settings, source);
        tasks.addAll(sandboxed.tasks());
        evaluators.addAll(sandboxed.evaluators());
        return new Chosen(List.copyOf(tasks), List.copyOf(evaluators));
    }
}
