package dev.assay.tasks.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.assay.tasks.DataKey;
import dev.assay.tasks.Task;
import dev.assay.tasks.TaskOutcome;
import dev.assay.tasks.execution.ExecutionManager;
import dev.assay.tasks.execution.ExecutionPlan;
import dev.assay.tasks.execution.ExecutionReport;
import dev.assay.tasks.execution.ExecutionSettings;
import dev.assay.tasks.execution.TaskExecution;
import dev.assay.tasks.report.Finding;
import dev.assay.tasks.report.Report;
import dev.assay.tasks.report.Reporting;
import dev.assay.tasks.report.Severity;
import dev.assay.tasks.sandbox.SandboxLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BuiltinTasksTest {

    Path workspace;
    Path inputs;

    // One per class, as one per worker process: each step's baseline is measured at its first job, not at every test's.
    private BuiltinTasks builtins;
    private PythonProjects projects;
    private Path wheelhouse;

    @BeforeAll
    void machine() throws Exception {
        builtins = BuiltinMachine.require();
    }

    @BeforeEach
    void directories(@TempDir Path workspace, @TempDir Path inputs) throws Exception {
        this.workspace = workspace;
        this.inputs = inputs;
        projects = new PythonProjects(inputs);
        wheelhouse = Files.createDirectories(inputs.resolve("wheelhouse"));
    }

    @Test
    void wellBehavedPackageBuildsInstallsAndImportsCleanlyItsFailingTestIsReportedAndItIsMeasuredAndLinted()
            throws Exception {
        Path project = projects.write("goodpkg", "", Map.of(
                "src/goodpkg/__init__.py", """
                        import os
                        import sys


                        def add(a, b):
                            return a + b


                        def never_called():
                            return os.sep
                        """,
                "MANIFEST.in", "recursive-include tests *.py\n",
                "tests/test_calc.py", """
                        from goodpkg import add

                        def test_adds():
                            assert add(1, 2) == 3

                        def test_adds_negatives():
                            assert add(-1, -2) == -3

                        def test_adds_strings():
                            assert add("a", "b") == "ab"

                        def test_adds_wrongly():
                            assert add(2, 2) == 5, "two and two make four"
                        """));
        Path sdist = PythonProjects.only(projects.build(project), ".tar.gz");

        List<Task> fromTheSdist = builtins.tasks().stream().filter(t -> !t.name().equals(SdistTask.NAME)).toList();
        ExecutionReport job = run(fromTheSdist, Map.of(DataKey.SDIST, sdist, InstallTask.WHEELHOUSE, wheelhouse));
        Map<String, Report> reports = reports(job);
        job.tasks().forEach(t -> System.out.println("[" + t.task() + "] baseline " + t.rawData().values().get("baseline")));

        assertThat(job.task("build").outcome()).as(() -> describe(job.task("build"))).isEqualTo(TaskOutcome.PASSED);
        assertThat(reports.get("build").findings()).as("build findings").allMatch(f -> f.severity() == Severity.INFO);
        assertThat(job.task("build").rawData().values().get("baseline")).asString().contains("source=measured");
        assertThat(job.task("install").outcome()).as(() -> describe(job.task("install"))).isEqualTo(TaskOutcome.PASSED);
        assertThat(reports.get("install").findings()).as("install findings")
                .allMatch(f -> f.severity() == Severity.INFO);
        assertThat(job.task("import").outcome()).as(() -> describe(job.task("import"))).isEqualTo(TaskOutcome.PASSED);
        assertThat(reports.get("import").findings()).allMatch(f -> f.severity() == Severity.INFO);
        TaskExecution test = job.task("test");
        assertThat(test.outcome()).as(() -> describe(test)).isEqualTo(TaskOutcome.FAILED);
        assertThat(test.message()).isEqualTo("3 passed, 1 failed, 0 skipped, 0 errors");
        assertThat(test.rawData().values().get("tests")).asString().contains("passed=3", "failed=1");
        assertThat(reports.get("test").summary()).isEqualTo("failed: 3 passed, 1 failed, 0 skipped, 0 errors");
        assertThat(reports.get("test").findings()).singleElement().satisfies(finding -> {
            assertThat(finding.code()).isEqualTo("test-failed");
            assertThat(finding.message()).startsWith("tests.test_calc.test_adds_wrongly: ")
                    .contains("two and two make four");
        });

        TaskExecution coverage = job.task("coverage");
        assertThat(coverage.outcome()).as(() -> describe(coverage)).isEqualTo(TaskOutcome.PASSED);
        assertThat(coverage.rawData().values().get(CoverageTask.TOTAL)).isInstanceOfSatisfying(Double.class,
                total -> assertThat(total).isGreaterThan(50.0).isLessThan(100.0));
        assertThat(coverage.rawData().values().get(CoverageTask.FILES)).isInstanceOfSatisfying(Map.class,
                files -> assertThat(files).containsOnlyKeys("goodpkg/__init__.py"));
        assertThat(coverage.rawData().files()).containsKeys("coverage-json", "coverage-xml");
        assertThat(reports.get("coverage").summary()).matches("coverage \\d+% \\(1 file\\)");

        TaskExecution lint = job.task("lint");
        assertThat(lint.outcome()).as(() -> describe(lint)).isEqualTo(TaskOutcome.PASSED);
        assertThat(lint.rawData().values().get(LintTask.COUNTS)).as(() -> describe(lint)).isEqualTo(Map.of("pyflakes/unused-import", 1));
        assertThat(reports.get("lint").findings()).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.code()).isEqualTo("pyflakes/unused-import");
            assertThat(finding.message()).contains("'sys' imported but unused");
            assertThat(finding.location()).isEqualTo(new dev.assay.tasks.report.Location("goodpkg/__init__.py", 2));
        });
        assertThat(reports.get("lint").summary()).startsWith("1 lint finding (pyflakes/unused-import 1)");
    }

    @Test
    void hostileWheelsImportIsCaughtAtEachAttemptWithoutEffectOnTheHost() throws Exception {
        try (HostileActs hostile = new HostileActs()) {
            Path project = projects.write("hostilepkg", "", Map.of("src/hostilepkg/__init__.py", hostile.python()));
            Path wheel = PythonProjects.only(projects.build(project), ".whl");
            BuiltinTasks tight = withLimits(HostileActs.LIMITS);

            ExecutionReport job = run(List.of(task(tight, InstallTask.NAME), task(tight, ImportTask.NAME)),
                    Map.of(DataKey.WHEEL, wheel, InstallTask.WHEELHOUSE, wheelhouse));
            Report imported = reports(job, tight).get("import");

            assertThat(job.task("install").outcome()).as(() -> describe(job.task("install")))
                    .isEqualTo(TaskOutcome.PASSED);
            assertThat(job.task("import").outcome()).as(() -> describe(job.task("import")))
                    .isEqualTo(TaskOutcome.FAILED);
            assertThat(job.task("import").duration()).isLessThan(Duration.ofSeconds(90));
            hostile.assertCaughtEachAttempt(imported);
            hostile.assertNoEffectOnTheHost();
        }
    }

    @Test
    void hostileSdistsSetupPyIsCaughtAtBuildWithoutEffectOnTheHost() throws Exception {
        try (HostileActs hostile = new HostileActs()) {
            Path project = projects.write("evilsetup", "", Map.of("setup.py",
                    hostile.python() + "\nfrom setuptools import setup\nsetup()\n",
                    "evilsetup/__init__.py", ""));
            Path sdist = projects.sdist(project, "evilsetup");
            BuiltinTasks tight = withLimits(HostileActs.LIMITS);

            ExecutionReport job = run(List.of(task(tight, BuildTask.NAME)), Map.of(DataKey.SDIST, sdist));
            Report built = reports(job, tight).get("build");

            assertThat(job.task("build").outcome()).as(() -> describe(job.task("build")))
                    .isEqualTo(TaskOutcome.ERROR);
            assertThat(job.task("build").duration()).isLessThan(Duration.ofSeconds(90));
            assertThat(job.task("build").rawData().files()).containsKeys("build-log", "build-trace");
            hostile.assertCaughtEachAttempt(built);
            hostile.assertNoEffectOnTheHost();
        }
    }

    @Test
    void anSdistsSetupPyFillingTheWorkspaceIsStoppedAtItsLimitWithAFinding() throws Exception {
        Path project = projects.write("filler", "", Map.of("setup.py", """
                chunk = bytes(1 << 20)
                for i in range(200):
                    with open("filler-%d" % i, "wb") as f:
                        for _ in range(10):
                            f.write(chunk)
                from setuptools import setup
                setup()
                """, "filler/__init__.py", ""));
        Path sdist = projects.sdist(project, "filler");
        BuiltinTasks tight = withLimits(SandboxLimits.defaults().withWorkspaceBytes(50L << 20)
                .withWallTime(Duration.ofSeconds(60)));

        ExecutionReport job = run(List.of(task(tight, BuildTask.NAME)), Map.of(DataKey.SDIST, sdist));
        Report built = reports(job, tight).get("build");

        assertThat(job.task("build").outcome()).as(() -> describe(job.task("build"))).isEqualTo(TaskOutcome.ERROR);
        assertThat(built.findings()).extracting(Finding::severity, Finding::message).contains(tuple(Severity.ERROR,
                "ran into the sandbox's workspace size limit (the job's workspace grew beyond it and the run was killed)"));
        assertThat(built.findings()).extracting(Finding::message).noneMatch(m -> m.contains("wall time"));
        assertThat(sizeOf(workspace)).as("of the 2 GB it tried to write").isLessThan(1L << 30);
    }

    @Test
    void lintSaysWhenTheDescriptionDoesNotRenderAsReStructuredText() throws Exception {
        Path project = projects.write("wordy", "", "readme = {file = \"README.rst\", content-type = \"text/x-rst\"}",
                Map.of("src/wordy/__init__.py", "",
                        "README.rst", "A title whose underline is too short\n=====\n\nText.\n"));
        Path wheel = PythonProjects.only(projects.build(project), ".whl");

        ExecutionReport job = run(List.of(task(builtins, LintTask.NAME)), Map.of(DataKey.WHEEL, wheel));
        Report lint = reports(job).get("lint");

        assertThat(job.task("lint").outcome()).as(() -> describe(job.task("lint"))).isEqualTo(TaskOutcome.PASSED);
        assertThat(lint.findings()).as(() -> describe(job.task("lint"))).singleElement().satisfies(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.code()).isEqualTo("description-does-not-render");
            assertThat(finding.message()).contains("text/x-rst").contains("underline too short");
        });
        assertThat(lint.summary()).startsWith("1 lint finding (description-does-not-render 1)");
    }

    @Test
    void dependencyMissingFromTheWheelhouseFailsTheInstallNamingIt() throws Exception {
        Path project = projects.write("needy", "\"assay-absent-dependency>=1.0\"",
                Map.of("src/needy/__init__.py", "import assay_absent_dependency\n"));
        Path wheel = PythonProjects.only(projects.build(project), ".whl");

        ExecutionReport job = run(List.of(install()), Map.of(DataKey.WHEEL, wheel, InstallTask.WHEELHOUSE, wheelhouse));
        Report report = reports(job).get("install");

        assertThat(job.task("install").outcome()).as(() -> describe(job.task("install"))).isEqualTo(TaskOutcome.FAILED);
        assertThat(job.task("install").message()).contains("assay-absent-dependency>=1.0");
        assertThat(report.findings()).anySatisfy(finding -> {
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.code()).isEqualTo("missing-dependency");
            assertThat(finding.message()).contains("assay-absent-dependency>=1.0")
                    .contains("No matching distribution found");
        });
    }

    @Test
    void aPackageWithoutTestsSkipsCoverageFromItsSdist() throws Exception {
        Path sdist = PythonProjects.only(projects.build(untestedProject()), ".tar.gz");

        ExecutionReport job = run(named(BuildTask.NAME, InstallTask.NAME, TestTask.NAME, CoverageTask.NAME),
                Map.of(DataKey.SDIST, sdist, InstallTask.WHEELHOUSE, wheelhouse));

        assertNoTestsSkipCoverage(job);
    }

    @Test
    void aPackageWithoutTestsSkipsCoverageFromItsWheelWithItsSdistAlike() throws Exception {
        Path dist = projects.build(untestedProject());

        ExecutionReport job = run(named(InstallTask.NAME, TestTask.NAME, CoverageTask.NAME),
                Map.of(DataKey.WHEEL, PythonProjects.only(dist, ".whl"), DataKey.SDIST,
                        PythonProjects.only(dist, ".tar.gz"), InstallTask.WHEELHOUSE, wheelhouse));

        assertNoTestsSkipCoverage(job);
    }

    private Path untestedProject() throws java.io.IOException {
        return projects.write("untestedpkg", "", Map.of("src/untestedpkg/__init__.py", "ANSWER = 42\n",
                "tests/__init__.py", ""));
    }

    private void assertNoTestsSkipCoverage(ExecutionReport job) {
        Map<String, Report> reports = reports(job);
        assertThat(job.task("test").outcome()).as(() -> describe(job.task("test"))).isEqualTo(TaskOutcome.PASSED);
        assertThat(reports.get("test").findings()).extracting(Finding::code).contains("no-tests");
        TaskExecution coverage = job.task("coverage");
        assertThat(coverage.outcome()).as(() -> describe(coverage)).isEqualTo(TaskOutcome.SKIPPED);
        assertThat(coverage.message()).isEqualTo(CoverageTask.NO_TESTS);
        assertThat(reports.get("coverage").summary()).contains("no tests ran");
    }

    private List<Task> named(String... names) {
        return List.of(names).stream().map(name -> task(builtins, name)).toList();
    }

    private Task install() {
        return task(builtins, InstallTask.NAME);
    }

    private static Task task(BuiltinTasks tasks, String name) {
        return tasks.tasks().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    private BuiltinTasks withLimits(dev.assay.tasks.sandbox.SandboxLimits limits) {
        return new BuiltinTasks(builtins.sandbox(), builtins.strace(), builtins.settings().withLimits(limits));
    }

    private ExecutionReport run(List<Task> tasks, Map<DataKey, Object> given) throws InterruptedException {
        // No build wheelhouse: these builds use the worker's Python.
        Map<DataKey, Object> initial = new java.util.HashMap<>(given);
        if (tasks.stream().anyMatch(task -> task.consumes().contains(BuildTask.BUILD_WHEELHOUSE))) {
            initial.putIfAbsent(BuildTask.BUILD_WHEELHOUSE, BuildWheelhouse.none());
        }
        ExecutionPlan plan = ExecutionPlan.of(tasks, Set.copyOf(initial.keySet()));
        ExecutionManager manager = new ExecutionManager(
                ExecutionSettings.defaults().withDefaultTimeout(Duration.ofMinutes(5)), Clock.systemUTC());
        return manager.run(plan, initial, workspace);
    }

    private Map<String, Report> reports(ExecutionReport job) {
        return reports(job, builtins);
    }

    private static Map<String, Report> reports(ExecutionReport job, BuiltinTasks tasks) {
        Map<String, Report> reports = new java.util.HashMap<>();
        new Reporting(tasks.evaluators()).evaluate(job).forEach(r -> reports.put(r.task(), r));
        reports.values().forEach(r -> System.out.println("[" + r.task() + "] " + r.summary() + "\n  "
                + String.join("\n  ", r.findings().stream().map(f -> f.severity() + " " + f.code() + " "
                + f.message()).toList())));
        return reports;
    }

    private static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static String describe(TaskExecution execution) {
        return execution.outcome() + ": " + execution.message() + "\n" + String.join("\n", execution.log());
    }
}
