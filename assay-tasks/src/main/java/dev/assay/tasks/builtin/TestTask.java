package dev.assay.tasks.builtin;

import dev.assay.packaging.PackagingException;
import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;
import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxResult;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code test}: runs the sdist's tests with the installed venv's Python — pytest when the project has a
 * {@code tests/} folder or pytest configuration, unittest discovery otherwise — and reads their JUnit XML.
 *
 * <p>The package's dependencies come only from the venv. pytest is the worker's (Debian's python3-pytest):
 * only pytest and the few modules it imports are mounted, at {@code /assay-test-tools} on
 * {@code PYTHONPATH}, rather than using {@code --system-site-packages} or the system Python, either of which
 * would expose every Debian Python package and hide a dependency missing from the wheelhouse. What remains
 * visible besides the venv is listed in the raw data ({@code testTools}).
 */
public final class TestTask implements Task {

    public static final String NAME = "test";
    private static final String TOOLS = "/assay-test-tools";
    private static final String RUNNER = "assay_unittest_junit.py";

    private final Sandbox sandbox;
    private final BuiltinSettings settings;

    public TestTask(Sandbox sandbox, BuiltinSettings settings) {
        this.sandbox = sandbox;
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
        String python = step.inside(context.workspace().resolve(context.input(DataKey.VENV, Path.class)))
                + "/bin/python";
        Path junit = step.dir().resolve("junit.xml");
        String workingDir = context.workspace().relativize(project).toString();
        boolean pytest = PytestDetection.wanted(project);
        context.record("runner", pytest ? "pytest" : "unittest");
        List<String> argv = new ArrayList<>(List.of(python, "-P"));
        Map<String, String> env = Map.of();
        if (pytest) {
            if (settings.testTools().isEmpty()) {
                return TaskResult.error("the project's tests need pytest, and this worker has none "
                        + "(install Debian's python3-pytest)");
            }
            for (Path tool : settings.testTools()) {
                step.bind(tool, TOOLS + "/" + tool.getFileName());
            }
            context.record("testTools", settings.testTools().stream().map(Path::toString).toList());
            env = Map.of("PYTHONPATH", TOOLS);
            argv.addAll(List.of("-m", "pytest", "-p", "no:cacheprovider", "-rA", "--junitxml=" + step.inside(junit)));
        } else {
            Path runner = step.dir().resolve(RUNNER);
            try (InputStream in = TestTask.class.getResourceAsStream(RUNNER)) {
                Files.write(runner, in.readAllBytes());
            }
            String start = Files.isDirectory(project.resolve("tests")) ? "tests" : ".";
            argv.addAll(List.of(step.inside(runner), start, step.inside(junit)));
        }
        SandboxResult result = step.run("test", workingDir, argv, env);
        context.record("exitCode", result.exitCode());
        if (result.timedOut()) {
            return TaskResult.failed("the tests did not finish within " + settings.limits().wallTime()
                    .toSeconds() + " s or the task's deadline");
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
        return TaskResult.passed(summary.describe());
    }
}
