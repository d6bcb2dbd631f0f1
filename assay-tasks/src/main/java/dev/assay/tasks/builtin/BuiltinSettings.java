package dev.assay.tasks.builtin;

import dev.assay.tasks.sandbox.SandboxLimits;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the built-in tasks run with: the worker's Python (visible read-only in the sandbox), the limits of
 * each sandboxed step, and the test tools' module paths that the {@code test} task lends to the venv.
 *
 * @param python    the system interpreter with {@code build}, {@code venv}, setuptools and wheel
 * @param limits    limits of each sandboxed step; the wall time is further cut to the task's deadline
 * @param testTools host paths of pytest and the modules it imports (and nothing else), mounted as the only
 *                  extra entries of the tested venv's {@code sys.path}
 */
public record BuiltinSettings(Path python, SandboxLimits limits, List<Path> testTools) {

    /** Where Debian's python3-pytest and its dependencies live. */
    private static final Path DIST_PACKAGES = Path.of("/usr/lib/python3/dist-packages");
    private static final List<String> PYTEST_CLOSURE = List.of("pytest", "_pytest", "py.py", "pluggy", "iniconfig",
            "packaging", "attr", "attrs", "exceptiongroup", "tomli");

    public BuiltinSettings {
        Objects.requireNonNull(python, "python");
        Objects.requireNonNull(limits, "limits");
        testTools = List.copyOf(testTools);
    }

    /** The same settings with other limits for each sandboxed step. */
    public BuiltinSettings withLimits(SandboxLimits stepLimits) {
        return new BuiltinSettings(python, stepLimits, testTools);
    }

    /** Debian's {@code /usr/bin/python3}, default limits, and python3-pytest's modules where installed. */
    public static BuiltinSettings debian() {
        List<Path> tools = PYTEST_CLOSURE.stream().map(DIST_PACKAGES::resolve).filter(Files::exists).toList();
        return new BuiltinSettings(Path.of("/usr/bin/python3"), SandboxLimits.defaults(), tools);
    }
}
