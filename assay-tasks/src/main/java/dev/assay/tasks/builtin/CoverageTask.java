package dev.assay.tasks.builtin;

import dev.assay.packaging.PackagingException;
import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskContext;
import dev.assay.tasks.TaskResult;
import dev.assay.tasks.sandbox.Sandbox;
import dev.assay.tasks.sandbox.SandboxResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code coverage}: runs the sdist's tests again, the way {@code test} does (see {@link TestCommand}), under
 * coverage.py (measuring the wheel's top-level modules as installed: {@code source_pkgs}), then writes coverage.py's JSON
 * and XML reports. The figures count only the package's own modules, not its tests or the tools; failing
 * tests still give a figure, and {@code test}'s outcome is not touched.
 */
public final class CoverageTask implements Task {

    public static final String NAME = "coverage";
    /** Raw data: the total percentage of the package's statements the tests ran, a number. */
    public static final String TOTAL = "coverageTotal";
    /** Raw data: each measured file (as installed, e.g. {@code goodpkg/__init__.py}) to its percentage. */
    public static final String FILES = "coverageFiles";
    private static final String LINE = "assay-coverage ";
    /** The summary when the tests ran none: skipped, as there is nothing to measure, never failed. */
    static final String NO_TESTS = "no tests ran: nothing to measure";
    private static final String OMIT = "*/tests/*,*/test_*.py,*_test.py,*/conftest.py";

    private final Sandbox sandbox;
    private final BuiltinSettings settings;

    public CoverageTask(Sandbox sandbox, BuiltinSettings settings) {
        this.sandbox = sandbox;
        this.settings = settings;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Set<DataKey> consumes() {
        return Set.of(DataKey.SDIST, DataKey.VENV, DataKey.WHEEL);
    }

    @Override
    public Set<DataKey> produces() {
        return Set.of();
    }

    @Override
    public TaskResult run(TaskContext context) throws IOException, InterruptedException {
        if (settings.coverageTools().isEmpty()) {
            return WorkerTools.missing("coverage");
        }
        SandboxStep step = new SandboxStep(sandbox, context, settings.limits(), NAME);
        Path project;
        List<String> modules;
        try {
            project = Distributions.unpackSdist(context.workspace().resolve(context.input(DataKey.SDIST, Path.class)),
                    step.dir().resolve("src"));
            modules = Distributions.topLevelModules(context.workspace().resolve(context.input(DataKey.WHEEL, Path.class)));
        } catch (PackagingException e) {
            return TaskResult.failed("the distribution cannot be read: " + e.getMessage());
        }
        if (modules.isEmpty()) {
            return TaskResult.passed("the wheel has no module to measure");
        }
        context.record("modules", modules);
        TestCommand command;
        try {
            command = TestCommand.prepare(step, settings, project, step.dir().resolve("junit.xml"),
                    settings.coverageTools());
        } catch (TestCommand.MissingTool missing) {
            return missing.result();
        }
        context.record("runner", command.runner());
        String python = step.inside(context.workspace().resolve(context.input(DataKey.VENV, Path.class)))
                + "/bin/python";
        Map<String, String> env = new HashMap<>(command.env());
        Path data = step.dir().resolve("coverage.data");
        env.put("COVERAGE_FILE", step.inside(data));
        // source_pkgs, not --source: with a flat layout the unpacked sdist has a directory of the module's name,
        // which --source would measure instead of the installed module the tests import.
        Path rcfile = Files.writeString(step.dir().resolve("coverage.rc"), "[run]\nsource_pkgs = "
                + String.join(" ", modules) + "\nomit = " + OMIT.replace(",", " ") + "\n");
        List<String> argv = new ArrayList<>(List.of(python, "-P", "-m", "coverage", "run",
                "--rcfile=" + step.inside(rcfile)));
        argv.addAll(command.arguments());
        SandboxResult tests = step.run("coverage-run", context.workspace().relativize(project).toString(), argv, env);
        // Failing tests still measured what they ran: the exit code only goes to the raw data.
        context.record("testsExitCode", tests.exitCode());
        step.recordLimits(tests);
        Optional<String> noTests = noTestsRan(step.dir().resolve("junit.xml"));
        if (noTests.isPresent()) {
            return TaskResult.skipped(noTests.get());
        }
        if (!Files.isRegularFile(data)) {
            return TaskResult.failed("coverage.py wrote no data (exit " + tests.exitCode() + "): "
                    + BuildReport.lastLines(Files.readString(step.logFile("coverage-run")), 2));
        }
        Path json = step.dir().resolve("coverage.json");
        Path xml = step.dir().resolve("coverage.xml");
        SandboxResult report = step.run("coverage-report", context.workspace().relativize(project).toString(),
                List.of(python, "-P", step.script("assay_coverage_report.py"), env.get("COVERAGE_FILE"),
                        step.inside(json), step.inside(xml)), env);
        if (Files.isRegularFile(json)) {
            context.attach("coverage-json", json);
        }
        if (Files.isRegularFile(xml)) {
            context.attach("coverage-xml", xml);
        }
        String output = Files.readString(step.logFile("coverage-report"));
        Double total = null;
        Map<String, Double> files = new TreeMap<>();
        for (String line : output.lines().filter(l -> l.startsWith(LINE)).toList()) {
            String[] parts = line.substring(LINE.length()).split(" ", 3);
            if (parts[0].equals("total") && parts.length >= 2) {
                total = Double.parseDouble(parts[1]);
            } else if (parts[0].equals("file") && parts.length == 3) {
                files.put(parts[2], Double.parseDouble(parts[1]));
            }
        }
        if (report.exitCode() != 0 || total == null) {
            return TaskResult.failed("no coverage figure (the report exited with " + report.exitCode() + "): "
                    + BuildReport.lastLines(output, 2));
        }
        context.record(TOTAL, total);
        context.record(FILES, files);
        return TaskResult.passed(describe(total, files.size()));
    }

    /**
     * Why there is nothing to measure when the run's JUnit XML counts no test at all; the {@code test} task
     * reports that (a warning), so the same package gets the same coverage outcome from its sdist's pipeline
     * and its wheel's, whatever coverage.py makes of an empty run. Empty when tests ran or the count is unknown.
     */
    static Optional<String> noTestsRan(Path junit) throws IOException {
        if (!Files.isRegularFile(junit)) {
            return Optional.empty();
        }
        try {
            return new JUnitXmlParser().parse(junit).total() == 0
                    ? Optional.of(NO_TESTS) : Optional.empty();
        } catch (JUnitXmlException unreadable) {
            return Optional.empty();
        }
    }

    /** "coverage 83% (5 files)". */
    static String describe(double total, int files) {
        return String.format(Locale.ROOT, "coverage %.0f%% (%d file%s)", total, files, files == 1 ? "" : "s");
    }
}
