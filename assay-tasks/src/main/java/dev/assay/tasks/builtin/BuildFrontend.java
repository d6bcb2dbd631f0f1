package dev.assay.tasks.builtin;

import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;
import dev.assay.tasks.sandbox.SandboxResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Python that {@code build} and {@code sdist} run {@code python -m build --no-isolation} with. When the index
 * had every build requirement, a fresh venv (without pip) into which the worker's pip installs them from the build
 * wheelhouse alone, with only the worker's {@code build} frontend and its imports lent on {@code PYTHONPATH} — the
 * system's setuptools stays out of sight, so the backend really comes from the index. Otherwise the worker's own
 * Python, as before, and the raw data and log say so.
 *
 * @param python the interpreter, as the sandbox sees it
 * @param env    extra environment for the build command
 */
record BuildFrontend(String python, Map<String, String> env) {

    /** Where the lent frontend modules are mounted in the sandbox. */
    private static final String TOOLS = "/assay-build-tools";

    /**
     * Prepares the build's Python in {@code step}; records {@code buildRequirements} ({@code source} {@code wheelhouse}
     * or {@code worker}, {@code requires}, {@code missing}). A failed installation of the requirements is the task's
     * failed result.
     */
    static Prepared prepare(SandboxStep step, BuiltinSettings settings, BuildWheelhouse wheelhouse, TaskContext context)
            throws IOException, InterruptedException {
        Map<String, Object> recorded = new LinkedHashMap<>();
        recorded.put("requires", wheelhouse.requires());
        recorded.put("missing", wheelhouse.missing());
        if (!wheelhouse.complete()) {
            recorded.put("source", "worker");
            context.record("buildRequirements", recorded);
            context.log(wheelhouse.whyWorkerPython() + "; built with the worker's Python");
            return new Prepared(worker(settings), Optional.empty());
        }
        recorded.put("source", "wheelhouse");
        context.record("buildRequirements", recorded);
        Path venv = step.dir().resolve("build-venv");
        SandboxResult created = step.createVenv(settings.python(), venv);
        if (created.exitCode() != 0) {
            return failed("creating the build venv failed: " + BuildReport.lastLines(created.stdout() + created.stderr(), 3));
        }
        String python = step.inside(venv) + "/bin/python";
        if (!wheelhouse.requires().isEmpty()) {
            List<String> argv = new ArrayList<>(List.of(settings.python().toString(), "-m", "pip", "--python", python,
                    "install", "--isolated", "--no-index", "--find-links",
                    step.inside(step.workspace().resolve(wheelhouse.directory())), "--no-cache-dir",
                    "--disable-pip-version-check", "--no-input"));
            argv.addAll(wheelhouse.requires());
            // Untraced: wheels run no code when installed; the build that follows is traced.
            SandboxResult installed = step.run("build-requires", step.dir().getFileName().toString(), argv, Map.of());
            if (installed.killedByLimit() || installed.exitCode() != 0) {
                return failed("the build requirements did not install from the build wheelhouse: "
                        + PipOutput.errorLines(Files.readString(step.logFile("build-requires"))));
            }
        }
        context.log("build requirements from this index's wheelhouse: " + String.join(", ", wheelhouse.requires()));
        for (Path tool : settings.buildTools()) {
            step.bind(tool, TOOLS + "/" + tool.getFileName());
        }
        return new Prepared(new BuildFrontend(python, Map.of("PYTHONPATH", TOOLS)), Optional.empty());
    }

    /** The worker's own Python, as builds ran before there was a build wheelhouse; the baselines use it. */
    static BuildFrontend worker(BuiltinSettings settings) {
        return new BuildFrontend(settings.python().toString(), Map.of());
    }

    private static Prepared failed(String message) {
        return new Prepared(null, Optional.of(TaskResult.failed(message)));
    }

    /** The frontend to build with, or the failed result that ends the task. */
    record Prepared(BuildFrontend frontend, Optional<TaskResult> failure) {
    }

    /** {@code python -m build <kind> --no-isolation --outdir <dist> <project>}, as the sandbox sees it. */
    List<String> command(String kind, String dist, String project) {
        // No isolation: the sandbox has no network; the requirements are the venv's (from the index) or the worker's.
        return List.of(python, "-m", "build", kind, "--no-isolation", "--outdir", dist, project);
    }
}
