package dev.assay.server.pipeline.workers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import dev.assay.server.config.AssayProperties;
import dev.assay.server.pipeline.PipelineProperties;
import dev.assay.server.pipeline.ToolProperties;
import dev.assay.server.pipeline.wheelhouse.BuildWheelhouseTask;
import dev.assay.server.pipeline.wheelhouse.WheelhouseReport;
import dev.assay.server.pipeline.wheelhouse.WheelhouseTask;
import dev.assay.server.pipeline.ClaimedJob;
import dev.assay.server.pipeline.matrix.LocalPythons;
import dev.assay.server.pipeline.matrix.Pythons;
import dev.assay.tasks.Task;
import dev.assay.tasks.execution.PlanException;
import dev.assay.tasks.builtin.BuiltinSettings;
import dev.assay.tasks.builtin.BuiltinTasks;
import dev.assay.tasks.builtin.DescriptionTask;
import dev.assay.tasks.builtin.SourceRebuildTask;
import dev.assay.tasks.report.ReportEvaluator;
import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxProbe;
import dev.assay.tasks.sandbox.Strace;

/**
 * The in-process {@code metadata} check, then — when {@code assay.pipeline.sandbox} is on and this machine can
 * sandbox — the staged {@code wheelhouse} and {@code build-wheelhouse}, the {@code sdist} build of a pushed commit
 * and the sandboxed built-in tasks; on a machine that cannot, an error task saying why. The machine is probed at
 * the first job, and again while something is missing or a tool changed (see {@link WorkerMachine}).
 */
@Component
public class DefaultPipelineTasks implements PipelineTasks {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultPipelineTasks.class);

    private final PipelineProperties properties;
    private final WorkerMachine machine;

    /** Tasks and the evaluators of their reports. */
    record Chosen(List<Task> tasks, List<ReportEvaluator> evaluators) implements PipelineTasks {
    }

    @Autowired
    DefaultPipelineTasks(PipelineProperties properties, InProcessJobSource source, AssayProperties assay,
            ToolProperties tools, LocalPythons pythons) {
        this(properties, source, () -> probe(JobRunner.workRoot(assay)), tools, pythons::get);
    }

    /** With another probe of the machine, for tests. */
    DefaultPipelineTasks(PipelineProperties properties, JobSource source, Supplier<SandboxProbe> probe) {
        this(properties, source, probe, ToolProperties.debian(), () -> new Pythons(List.of()));
    }

    /** With another probe of the machine and the tools looked up where {@code tools} says. */
    DefaultPipelineTasks(PipelineProperties properties, JobSource source, Supplier<SandboxProbe> probe,
            ToolProperties tools, Supplier<Pythons> pythons) {
        this.properties = properties;
        this.machine = new WorkerMachine(probe, () -> BuiltinSettings.debian(tools.packages())
                .withLimits(properties.limits().toSandboxLimits()), Strace.debian(), source, pythons);
        if (!properties.sandbox()) {
            LOG.info("assay.pipeline.sandbox=false: pipelines run only the in-process metadata check");
        }
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
        List<Task> tasks = sandboxedTasks(builtins, source);
        List<ReportEvaluator> evaluators = new ArrayList<>(List.of(WheelhouseReport.dependencies(),
                WheelhouseReport.buildRequirements()));
        evaluators.addAll(builtins.evaluators());
        return new Chosen(List.copyOf(tasks), List.copyOf(evaluators));
    }

    private static List<Task> sandboxedTasks(BuiltinTasks builtins, JobSource source) {
        WorkerMarkers markers = new WorkerMarkers(builtins.settings().python());
        List<Task> tasks = new ArrayList<>(List.of(new WheelhouseTask(source, markers),
                new BuildWheelhouseTask(source, markers)));
        tasks.addAll(builtins.tasks());
        tasks.add(new SourceRebuildTask(builtins.sandbox(), builtins.settings()));
        tasks.add(new DescriptionTask(builtins.sandbox(), builtins.settings(), DISTRIBUTION));
        return tasks;
    }

    /**
     * Every built-in task as it declares itself (name, consumed and produced data), for the registry's list; these
     * instances have no sandbox and never run.
     */
    public static List<Task> declared() {
        List<Task> tasks = new ArrayList<>(List.of(new MetadataTask()));
        tasks.addAll(sandboxedTasks(new BuiltinTasks(null, Strace.debian(), BuiltinSettings.debian()), null));
        return List.copyOf(tasks);
    }

    /**
     * This machine's sandbox for job workspaces under {@code workRoot} (or where {@link WorkRoot} moves them), as
     * every worker and the check see it.
     */
    static SandboxProbe probe(Path workRoot) {
        try {
            return withReachableWorkspaces(Sandbox.probe(), WorkRoot.reachable(workRoot));
        } catch (IOException noWorkRoot) {
            return new SandboxProbe(Optional.empty(), noWorkRoot.getMessage());
        }
    }

    /**
     * The probe, unless the sandbox's unprivileged user cannot reach the job workspaces: run as root, the
     * sandbox drops to nobody on the host, who needs search permission on every directory above them.
     */
    static SandboxProbe withReachableWorkspaces(SandboxProbe probe, Path workRoot) {
        if (probe.sandbox().isEmpty() || !"root".equals(System.getProperty("user.name"))) {
            return probe;
        }
        return WorkRoot.closedParent(workRoot).map(dir -> new SandboxProbe(Optional.empty(), "the sandbox's user "
                + "(nobody) cannot reach the job workspaces under " + workRoot + ": run chmod o+x " + dir))
                .orElse(probe);
    }

    @Override
    public List<Task> tasks() {
        return withMetadata(machine::tasks);
    }

    @Override
    public List<Task> tasks(ClaimedJob job) throws PlanException {
        return withMetadata(() -> machine.tasks(job));
    }

    private List<Task> withMetadata(Supplier<List<Task>> sandboxed) {
        List<Task> tasks = new ArrayList<>(List.of(new MetadataTask()));
        if (properties.sandbox()) {
            tasks.addAll(sandboxed.get());
        }
        return List.copyOf(tasks);
    }

    @Override
    public List<ReportEvaluator> evaluators() {
        List<ReportEvaluator> evaluators = new ArrayList<>(List.of(new MetadataReport()));
        if (properties.sandbox()) {
            evaluators.addAll(machine.evaluators());
        }
        return List.copyOf(evaluators);
    }

    @Override
    public Path workRoot(Path configured) throws IOException {
        return properties.sandbox() ? machine.workRoot(configured) : configured;
    }
}
