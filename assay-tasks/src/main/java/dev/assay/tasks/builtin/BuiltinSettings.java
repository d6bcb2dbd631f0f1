package dev.assay.tasks.builtin;

import dev.assay.tasks.sandbox.SandboxLimits;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the built-in tasks run with: the worker's Python (visible read-only in the sandbox), the limits of
 * each sandboxed step, the test tools' module paths that {@code test} and {@code coverage} lend to the venv,
 * and the static analysers {@code lint} runs with the worker's Python.
 *
 * @param python        the system interpreter with {@code build}, {@code venv}, setuptools and wheel
 * @param limits        limits of each sandboxed step; the wall time is further cut to the task's deadline
 * @param testTools     host paths of pytest and the modules it imports (and nothing else), mounted as the only
 *                      extra entries of the tested venv's {@code sys.path}
 * @param coverageTools host paths of coverage.py's modules, lent the same way by the {@code coverage} task
 * @param analysers     the static analysers {@code python} can run as modules: {@code pyflakes}, {@code flake8},
 *                      {@code pylint}
 * @param buildTools    host paths of the {@code build} frontend's modules, lent the same way to the venv that
 *                      {@code build} and {@code sdist} install the build requirements into
 */
public record BuiltinSettings(Path python, SandboxLimits limits, List<Path> testTools, List<Path> coverageTools,
                              List<String> analysers, List<Path> buildTools) {

    /** Where Debian's python3-pytest, python3-coverage, python3-pyflakes and their dependencies live. */
    private static final Path DIST_PACKAGES = Path.of("/usr/lib/python3/dist-packages");
    private static final List<String> PYTEST_CLOSURE = List.of("pytest", "_pytest", "py.py", "pluggy", "iniconfig",
            "packaging", "attr", "attrs", "exceptiongroup", "tomli");
    private static final List<String> COVERAGE_CLOSURE = List.of("coverage", "tomli");
    // build 0.9 imports pep517 (pyproject_hooks in later releases) and packaging; tomli before Python 3.11.
    private static final List<String> BUILD_CLOSURE = List.of("build", "pep517", "pyproject_hooks", "packaging",
            "tomli");
    private static final List<String> ANALYSERS = List.of("pyflakes", "flake8", "pylint");

    public BuiltinSettings {
        Objects.requireNonNull(python, "python");
        Objects.requireNonNull(limits, "limits");
        testTools = List.copyOf(testTools);
        coverageTools = List.copyOf(coverageTools);
        analysers = List.copyOf(analysers);
        buildTools = List.copyOf(buildTools);
    }

    /**
     * Debian's {@code /usr/bin/python3}, default limits, and python3-pytest's, python3-coverage's, the
     * analysers' and python3-build's modules where installed.
     */
    public static BuiltinSettings debian() {
        return debian(DIST_PACKAGES);
    }

    /**
     * The same with the tools looked up in {@code toolPackages} instead of Debian's dist-packages. Cheap (it only
     * looks at files), so a worker probes again before each job and picks up a tool installed since.
     */
    public static BuiltinSettings debian(Path toolPackages) {
        return new BuiltinSettings(Path.of("/usr/bin/python3"), SandboxLimits.defaults(),
                installed(toolPackages, PYTEST_CLOSURE), installed(toolPackages, COVERAGE_CLOSURE),
                ANALYSERS.stream().filter(name -> Files.isDirectory(toolPackages.resolve(name))).toList(),
                installed(toolPackages, BUILD_CLOSURE));
    }

    /** The same settings with other limits for each sandboxed step. */
    public BuiltinSettings withLimits(SandboxLimits other) {
        return new BuiltinSettings(python, other, testTools, coverageTools, analysers, buildTools);
    }

    // The tool is the closure's first module: without it, lending the others (packaging, tomli: installed by many
    // other packages) would run a tool that is not there and blame the package for "No module named pytest".
    private static List<Path> installed(Path toolPackages, List<String> closure) {
        if (!Files.exists(toolPackages.resolve(closure.get(0)))) {
            return List.of();
        }
        return closure.stream().map(toolPackages::resolve).filter(Files::exists).toList();
    }
}
