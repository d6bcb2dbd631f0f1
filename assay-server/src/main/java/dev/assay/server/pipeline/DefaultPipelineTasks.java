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
 * The in-process {@code metadata} check, then — when {@code assay.pipeline.sandbox} is on and this machine
 * can sandbox — the staged {@code wheelhouse}, the {@code sdist} build of a pushed commit and the sandboxed
 * built-in tasks; on a machine that cannot, an
 * error task saying why. The machine is probed once, at the first job.
 */
@Component
class DefaultPipelineTasks implements PipelineTasks {

    private static final Logger LOG = LoggerFactory.getLogger(DefaultPipelineTasks.class);

    private final PipelineProperties properties;
    private final IndexWheelhouse wheelhouse;
    private final Supplier<SandboxProbe> probe;
    private volatile Chosen chosen;

    private record Chosen(List<Task> tasks, List<ReportEvaluator> evaluators) {
    }

    @Autowired
    DefaultPipelineTasks(PipelineProperties properties, IndexWheelhouse wheelhouse, AssayProperties assay) {
        this(properties, wheelhouse, () -> withReachableWorkspaces(Sandbox.probe(), JobRunner.workRoot(assay)));
    }

    /** With another probe of the machine, for tests. */
    DefaultPipelineTasks(PipelineProperties properties, IndexWheelhouse wheelhouse, Supplier<SandboxProbe> probe) {
        this.properties = properties;
        this.wheelhouse = wheelhouse;
        this.probe = probe;
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
        if (probe.sandbox().isEmpty() || !strace.available()) {
            String why = probe.sandbox().isEmpty() ? probe.report() : "strace is not installed (apt-get install strace)";
            LOG.error("NO SANDBOX: pipelines will not run untrusted code; every pipeline records the error: {}", why);
            tasks.add(new NoSandboxTask(why));
            return new Chosen(tasks, evaluators);
        }
        Sandbox sandbox = probe.sandbox().get();
        LOG.info("pipeline sandbox: {}", sandbox.description());
        BuiltinSettings settings = BuiltinSettings.debian().withLimits(properties.limits().toSandboxLimits());
        BuiltinTasks builtins = new BuiltinTasks(sandbox, strace, settings);
        tasks.add(new WheelhouseTask(wheelhouse, settings.python()));
        tasks.addAll(builtins.tasks());
        evaluators.add(new WheelhouseReport());
        evaluators.addAll(builtins.evaluators());
        return new Chosen(List.copyOf(tasks), List.copyOf(evaluators));
    }
}
