package dev.assay.tasks.builtin;

import dev.assay.tasks.TaskResult;
import dev.assay.tasks.sandbox.Strace;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * The worker's programs and Python modules the built-in tasks need, each with the Debian package that provides it:
 * what {@code assay sandbox check} lists, and what a task names when one is missing. A missing tool is an error of
 * the worker, never a failure of the package under test.
 *
 * @param tools every tool, in the order they are listed
 */
public record WorkerTools(List<Tool> tools) {

    /**
     * One tool.
     *
     * @param required whether some task cannot run without it (the others are used when present)
     * @param usedBy   which tasks use it, for people
     */
    public record Tool(String name, String debianPackage, boolean required, String usedBy, boolean found) {

        /** "MISSING  pytest (required, Debian package python3-pytest): test, coverage ...: apt-get install ...". */
        public String describe() {
            return (found ? "ok       " : required ? "MISSING  " : "absent   ") + name + " ("
                    + (required ? "required" : "optional") + ", Debian package " + debianPackage + "): " + usedBy
                    + (found ? "" : " — apt-get install " + debianPackage);
        }
    }

    // What the worker's Python itself must import: it creates the venvs, installs into them, and builds with
    // setuptools when the index lacks a project's build requirements; readme_renderer renders reST descriptions.
    private static final List<String> PYTHON_MODULES = List.of("venv", "pip", "setuptools", "wheel", "readme_renderer");
    private static final Map<String, String> PACKAGES = Map.ofEntries(Map.entry("python3", "python3"),
            Map.entry("venv", "python3-venv"), Map.entry("pip", "python3-pip"),
            Map.entry("setuptools", "python3-setuptools"), Map.entry("wheel", "python3-wheel"),
            Map.entry("build", "python3-build"), Map.entry("pytest", "python3-pytest"),
            Map.entry("coverage", "python3-coverage"), Map.entry("pyflakes", "python3-pyflakes"),
            Map.entry("flake8", "flake8"), Map.entry("pylint", "pylint"), Map.entry("strace", "strace"),
            Map.entry("bubblewrap", "bubblewrap"),
            Map.entry("readme_renderer", "python3-readme-renderer"));

    public WorkerTools {
        tools = List.copyOf(tools);
    }

    /** Looks for every tool: the files {@code settings} found, {@code strace}, and a run of the worker's Python. */
    public static WorkerTools probe(BuiltinSettings settings, Strace strace, Path bwrap) {
        Set<String> absentModules = absentModules(settings.python());
        List<Tool> tools = new ArrayList<>();
        tools.add(tool("python3", true, "every sandboxed task", Files.isExecutable(settings.python())));
        tools.add(tool("bubblewrap", true, "the sandbox every task but metadata runs in", Files.isExecutable(bwrap)));
        tools.add(tool("strace", true, "build, install, import and test, which are traced", strace.available()));
        tools.add(tool("venv", true, "the venvs install and build install into", !absentModules.contains("venv")));
        tools.add(tool("pip", true, "install, and build's requirements from the index", !absentModules.contains("pip")));
        tools.add(tool("setuptools", true, "build and sdist when the index lacks the build requirements",
                !absentModules.contains("setuptools")));
        tools.add(tool("wheel", true, "the same builds with setuptools before 70.1", !absentModules.contains("wheel")));
        tools.add(tool("build", true, "build and sdist (the build frontend)", !settings.buildTools().isEmpty()));
        tools.add(tool("pytest", true, "test and coverage of projects tested with pytest",
                !settings.testTools().isEmpty()));
        tools.add(tool("coverage", true, "coverage", !settings.coverageTools().isEmpty()));
        tools.add(tool("pyflakes", true, "lint", settings.analysers().contains("pyflakes")));
        tools.add(tool("readme_renderer", true, "description (reStructuredText rendered as on PyPI)",
                !absentModules.contains("readme_renderer")));
        tools.add(tool("flake8", false, "lint, more checks", settings.analysers().contains("flake8")));
        tools.add(tool("pylint", false, "lint, more checks", settings.analysers().contains("pylint")));
        return new WorkerTools(tools);
    }

    /** The required tools this worker lacks. */
    public List<Tool> missing() {
        return tools.stream().filter(tool -> tool.required() && !tool.found()).toList();
    }

    /** The {@code error} a task ends in when this worker lacks {@code tool}, saying how to install it. */
    public static TaskResult missing(String tool) {
        String debianPackage = PACKAGES.getOrDefault(tool, tool);
        return TaskResult.error("this worker has no " + tool + " (an error of the worker, not of the package): "
                + "install it with apt-get install " + debianPackage + "; the worker finds it at its next job");
    }

    private static Tool tool(String name, boolean required, String usedBy, boolean found) {
        return new Tool(name, PACKAGES.get(name), required, usedBy, found);
    }

    // One short run of the worker's Python, on the host: it imports nothing, only looks the modules up.
    private static Set<String> absentModules(Path python) {
        if (!Files.isExecutable(python)) {
            return Set.copyOf(PYTHON_MODULES);
        }
        List<String> argv = new ArrayList<>(List.of(python.toString(), "-I", "-c",
                "import importlib.util, sys\nfor m in sys.argv[1:]:\n    if importlib.util.find_spec(m) is None:"
                        + " print(m)"));
        argv.addAll(PYTHON_MODULES);
        try {
            Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                return Set.copyOf(PYTHON_MODULES);
            }
            return new LinkedHashSet<>(output.lines().map(String::strip).filter(PYTHON_MODULES::contains).toList());
        } catch (IOException unrunnable) {
            return Set.copyOf(PYTHON_MODULES);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return Set.copyOf(PYTHON_MODULES);
        }
    }
}
