package dev.assay.tasks.builtin;

import dev.assay.packaging.PackagingException;
import dev.assay.packaging.archive.ArchiveEntry;
import dev.assay.packaging.archive.SafeArchive;
import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;
import dev.assay.tasks.report.Finding;
import dev.assay.tasks.TaskOutcome;
import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.Strace;
import dev.assay.tasks.sandbox.SandboxResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * {@code sdist}: builds an sdist from a source tree (a pushed commit's, staged on the host) in the sandbox with
 * {@code python -m build --sdist --no-isolation} under {@code strace -f} — the commit's {@code setup.py} runs
 * here, with the build requirements from the {@link BuildTask#BUILD_WHEELHOUSE} as in {@code build} — judged against
 * building an empty project like {@code build}; the other tasks then treat the sdist as they treat an uploaded one.
 */
public final class SdistTask implements Task {

    public static final String NAME = "sdist";
    /** A directory holding a project's sources, such as a commit's tree; the task builds from (and in) it. */
    public static final DataKey SOURCE_TREE = DataKey.of("source-tree");
    /** The test folders whose absence from the built sdist the task notes: the test task runs from the sdist. */
    private static final List<String> TEST_FOLDERS = List.of("tests", "test");

    private final Sandbox sandbox;
    private final Strace strace;
    private final Baselines baselines;
    private final BuiltinSettings settings;

    public SdistTask(Sandbox sandbox, Strace strace, Baselines baselines, BuiltinSettings settings) {
        this.sandbox = sandbox;
        this.strace = strace;
        this.baselines = baselines;
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<DataKey> consumes() {
        return Set.of(SOURCE_TREE, BuildTask.BUILD_WHEELHOUSE);
    }

    @Override
    public Set<DataKey> produces() {
        return Set.of(DataKey.SDIST);
    }

    @Override
    public TaskResult run(TaskContext context) throws IOException, InterruptedException {
        Path tree = context.workspace().resolve(context.input(SOURCE_TREE, Path.class));
        if (!hasBuildFile(tree)) {
            context.record("buildFile", false);
            return TaskResult.failed("no pyproject.toml or setup.py at the commit's root: there is no Python project "
                    + "to build");
        }
        if (settings.buildTools().isEmpty()) {
            return WorkerTools.missing("build");
        }
        SandboxStep step = new SandboxStep(sandbox, context, settings.limits(), NAME);
        TraceBaseline baseline = baselines.of(NAME, context, sandbox, settings.limits(), Set.of(),
                this::measureBaseline);
        context.record("baseline", baseline.toRawData());
        BuildFrontend.Prepared frontend = BuildFrontend.prepare(step, settings,
                context.input(BuildTask.BUILD_WHEELHOUSE, BuildWheelhouse.class), context);
        if (frontend.failure().isPresent()) {
            return frontend.failure().get();
        }
        Path dist = Files.createDirectories(step.dir().resolve("dist"));
        List<String> argv = frontend.frontend().command("--sdist", step.inside(dist), step.inside(tree));
        context.record("command", argv);
        SandboxResult result = step.runTraced(strace, NAME, NAME, argv, frontend.frontend().env());
        context.record("exitCode", result.exitCode());
        step.recordLimits(result);
        List<Finding> findings = TraceFindings.of(step.traceFile(NAME), step.workspaceInside(), baseline);
        if (result.killedByLimit()) {
            return TaskResult.error("the sdist build was stopped by the sandbox's limits " + result.limitsHit());
        }
        if (result.exitCode() != 0) {
            return TaskResult.failed("the sdist build failed (exit " + result.exitCode() + "): "
                    + BuildReport.lastLines(Files.readString(step.logFile(NAME)), 1));
        }
        List<Path> sdists;
        try (Stream<Path> files = Files.list(dist)) {
            sdists = files.filter(f -> f.getFileName().toString().endsWith(".tar.gz")).toList();
        }
        if (sdists.size() != 1) {
            return TaskResult.failed("the sdist build wrote " + sdists.size() + " sdists, expected one");
        }
        Path sdist = sdists.get(0);
        context.record("sdist", sdist.getFileName().toString());
        TaskResult judged = InstallTask.judge(findings, "the sdist build");
        if (judged.outcome() != TaskOutcome.PASSED) {
            return judged;
        }
        List<String> leftOut = testFoldersLeftOut(tree, sdist);
        context.record("testsLeftOut", leftOut);
        context.publish(DataKey.SDIST, sdist);
        return TaskResult.passed("built " + sdist.getFileName() + (leftOut.isEmpty() ? ""
                : "; it leaves out " + String.join(", ", leftOut) + "/, so the test task cannot run those tests"));
    }

    /** Whether a source tree has a {@code pyproject.toml} or a {@code setup.py} at its root: a project to build. */
    static boolean hasBuildFile(Path tree) {
        return Files.isRegularFile(tree.resolve("pyproject.toml")) || Files.isRegularFile(tree.resolve("setup.py"));
    }

    /** Builds the sdist of a project with one empty module with the worker's Python. */
    private Path measureBaseline(SandboxStep step) throws IOException, InterruptedException {
        Path project = BuildTask.emptyProject(step);
        Path dist = Files.createDirectories(step.dir().resolve("dist"));
        String workingDir = step.dir().getFileName().toString();
        Baselines.require(step.runTraced(strace, "baseline", workingDir, BuildFrontend.worker(settings)
                .command("--sdist", step.inside(dist), step.inside(project)), Map.of()),
                "building the sdist of an empty project");
        return step.traceFile("baseline");
    }

    // The test task runs the tests the sdist holds; a tree's tests the sdist leaves out would pass unseen.
    private static List<String> testFoldersLeftOut(Path tree, Path sdist) {
        List<String> present = TEST_FOLDERS.stream().filter(folder -> Files.isDirectory(tree.resolve(folder))).toList();
        if (present.isEmpty()) {
            return List.of();
        }
        try (SafeArchive archive = SafeArchive.open(sdist)) {
            List<String> paths = archive.entries().stream().map(ArchiveEntry::path).toList();
            return present.stream()
                    .filter(folder -> paths.stream().noneMatch(path -> path.matches("[^/]+/" + folder + "/.+")))
                    .toList();
        } catch (PackagingException unreadable) {
            return List.of();
        }
    }
}
