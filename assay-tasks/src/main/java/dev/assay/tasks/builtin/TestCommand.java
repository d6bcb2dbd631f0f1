package dev.assay.tasks.builtin;

import dev.assay.tasks.TaskResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a project's tests run in the sandbox, shared by {@code test} and {@code coverage}: pytest when the
 * project has a {@code tests/} folder or pytest configuration, unittest discovery otherwise, JUnit XML either way.
 *
 * <p>The worker's tools (Debian's pytest, coverage.py) are lent to the venv: only their modules are mounted,
 * at {@code /assay-test-tools} on {@code PYTHONPATH}, rather than using {@code --system-site-packages} or the
 * system Python, either of which would expose every Debian Python package and hide a dependency missing from
 * the wheelhouse.
 *
 * @param runner   {@code pytest} or {@code unittest}
 * @param arguments what follows {@code python -P} (and {@code -m coverage run ...}): the runner and its options
 * @param env      the environment the tools need
 */
record TestCommand(String runner, List<String> arguments, Map<String, String> env) {

    static final String TOOLS = "/assay-test-tools";
    private static final String RUNNER = "assay_unittest_junit.py";

    /**
     * The command for {@code project}'s tests writing {@code junit}; lends {@code tools} plus pytest's modules
     * when pytest runs them.
     *
     * @throws MissingTool if the project needs pytest and the worker has none
     */
    static TestCommand prepare(SandboxStep step, BuiltinSettings settings, Path project, Path junit,
                               Collection<Path> tools) throws IOException {
        Set<Path> lent = new LinkedHashSet<>(tools);
        List<String> arguments = new ArrayList<>();
        String runner;
        if (PytestDetection.wanted(project)) {
            if (settings.testTools().isEmpty()) {
                throw new MissingTool("pytest");
            }
            runner = "pytest";
            lent.addAll(settings.testTools());
            arguments.addAll(List.of("-m", "pytest", "-p", "no:cacheprovider", "-rA", "--junitxml=" + step.inside(junit)));
        } else {
            runner = "unittest";
            String start = Files.isDirectory(project.resolve("tests")) ? "tests" : ".";
            arguments.addAll(List.of(step.script(RUNNER), start, step.inside(junit)));
        }
        Set<String> targets = new LinkedHashSet<>();
        for (Path tool : lent) {
            if (targets.add(tool.getFileName().toString())) {
                step.bind(tool, TOOLS + "/" + tool.getFileName());
            }
        }
        return new TestCommand(runner, List.copyOf(arguments), lent.isEmpty() ? Map.of() : Map.of("PYTHONPATH", TOOLS));
    }

    /** The project's tests need a tool this worker lacks: the task ends in the worker's error, naming it. */
    static final class MissingTool extends RuntimeException {

        MissingTool(String tool) {
            super(tool);
        }

        TaskResult result() {
            return WorkerTools.missing(getMessage());
        }
    }
}
