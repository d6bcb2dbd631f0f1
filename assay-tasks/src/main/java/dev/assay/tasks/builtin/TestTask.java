package dev.assay.tasks.builtin;

import dev.assay.packaging.PackagingException;
import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;
import dev.assay.tasks.report.Finding;
import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxResult;
import dev.assay.tasks.sandbox.Strace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code test}: runs the sdist's tests with the installed venv's Python under {@code strace -f} (see
 * {@link TestCommand} for the runner and the lent tools) and reads their JUnit XML. What the trace shows
 * beyond running one empty test the same way (the measured {@link TraceBaseline baseline}) becomes findings.
 *
 * <p>The package's dependencies come only from the venv. What remains visible besides the venv is listed in
 * the raw data ({@code testTools}).
 */
public final class TestTask implements Task {

    public static final String NAME = "test";

    private final Sandbox sandbox;
    private final Strace strace;
    private final Baselines baselines;
    private final BuiltinSettings settings;

    public TestTask(Sandbox sandbox, Strace strace, Baselines baselines, BuiltinSettings settings) {
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
        return Set.of(DataKey.SDIST, DataKey.VENV);
    }

    @Override
    public Set<DataKey> produces() {
        return Set.of();
    }

    @Override
    public TaskResult run(TaskContext context) throws IOException, InterruptedException {
        SandboxStep step = new SandboxStep(sandbox, context, settings.limits(), NAME);
        Path project;
        try {
            project = Distributions.unpackSdist(context.workspace().resolve(context.input(DataKey.SDIST, Path.class)),
                    step.dir().resolve("src"));
        } catch (PackagingException e) {
            return TaskResult.failed("the sdist cannot be unpacked: " + e.getMessage());
        }
        Path venv = context.workspace().resolve(context.input(DataKey.VENV, Path.class));
        step.recordEnvReads(venv);
        String python = step.inside(venv) + "/bin/python";
        Path junit = step.dir().resolve("junit.xml");
        TestCommand command;
        try {
            command = TestCommand.prepare(step, settings, project, junit, List.of());
        } catch (TestCommand.MissingTool missing) {
            return missing.result();
        }
        context.record("runner", command.runner());
        if (command.runner().equals("pytest")) {
            context.record("testTools", settings.testTools().stream().map(Path::toString).toList());
        }
        TraceBaseline baseline = baselines.of(NAME + "-" + command.runner(), context, sandbox, settings.limits(),
                Set.of(), measuring(command.runner()));
        context.record("baseline", baseline.toRawData());
        List<String> argv = new ArrayList<>(List.of(python, "-P"));
        argv.addAll(command.arguments());
        SandboxResult result = step.runTraced(strace, "test", context.workspace().relativize(project).toString(),
                argv, command.env());
        context.record("exitCode", result.exitCode());
        step.recordLimits(result);
        step.recordBehaviour("test", baseline);
        List<Finding> findings = TraceFindings.of(step.traceFile("test"), step.workspaceInside(), baseline);
        if (result.killedByLimit()) {
            return TaskResult.failed("the tests were stopped by the sandbox's limits " + result.limitsHit()
                    + (result.timedOut() ? ": they did not finish within " + settings.limits().wallTime().toSeconds()
                    + " s or the task's deadline" : ""));
        }
        if (!Files.isRegularFile(junit)) {
            return TaskResult.failed("the test run wrote no JUnit XML (exit " + result.exitCode() + "): "
                    + BuildReport.lastLines(Files.readString(step.logFile("test")), 3));
        }
        context.attach("junit-xml", junit);
        TestSummary summary;
        try {
            summary = new JUnitXmlParser().parse(junit);
        } catch (JUnitXmlException e) {
            return TaskResult.failed("the test run's JUnit XML is unreadable: " + e.getMessage());
        }
        context.record("tests", summary.toRawData());
        if (!summary.allPassed()) {
            return TaskResult.failed(summary.describe());
        }
        TaskResult judged = InstallTask.judge(findings, "the tests");
        return judged.outcome() == dev.assay.tasks.TaskOutcome.PASSED ? TaskResult.passed(summary.describe()) : judged;
    }

    /** Runs one empty test with {@code runner} in a fresh venv, the same way. */
    private Baselines.Measurement measuring(String runner) {
        return step -> {
            Path venv = step.dir().resolve("venv");
            Baselines.require(step.createVenv(settings.python(), venv), "creating a venv");
            step.recordEnvReads(venv);
            Path project = Files.createDirectories(step.dir().resolve("empty"));
            // A tests/ folder makes it a pytest project; unittest discovery finds the test at the top.
            Path test = project.resolve(runner.equals("pytest") ? "tests/test_empty.py" : "test_empty.py");
            Files.createDirectories(test.getParent());
            Files.writeString(test, """
                    import unittest

                    class EmptyTest(unittest.TestCase):
                        def test_nothing(self):
                            pass
                    """);
            TestCommand command = TestCommand.prepare(step, settings, project, step.dir().resolve("junit.xml"),
                    List.of());
            List<String> argv = new ArrayList<>(List.of(step.inside(venv) + "/bin/python", "-P"));
            argv.addAll(command.arguments());
            Baselines.require(step.runTraced(strace, "baseline", step.workspace().relativize(project).toString(),
                    argv, command.env()), "running an empty test with " + runner);
            return step.traceFile("baseline");
        };
    }
}
