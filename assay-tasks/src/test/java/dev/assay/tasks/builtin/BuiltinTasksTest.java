package dev.assay.tasks.builtin;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltinTasksTest {

    @TempDir
    Path workspace;
    @TempDir
    Path inputs;

    private BuiltinTasks builtins;
    private PythonProjects projects;
    private Path wheelhouse;

    @BeforeEach
    void machine() throws Exception {
        builtins = BuiltinMachine.require();
        projects = new PythonProjects(inputs);
        wheelhouse = Files.createDirectories(inputs.resolve("wheelhouse"));
    }

    @Test
    void wellBehavedPackageBuildsInstallsAndImportsCleanlyAndItsFailingTestIsReported() throws Exception {
        Path project = projects.write("goodpkg", "", Map.of(
                "src/goodpkg/__init__.py", "def add(a, b):\n    return a + b\n",
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

        ExecutionReport job = run(builtins.tasks(), Map.of(DataKey.SDIST, sdist, InstallTask.WHEELHOUSE, wheelhouse));
        Map<String, Report> reports = reports(job);

        assertThat(job.task("build").outcome()).as(() -> describe(job.task("build"))).isEqualTo(TaskOutcome.PASSED);
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
    }

    @Test
    void hostileWheelsImportIsCaughtTryingTheNetworkAndTheHostsTmpWithoutEffect() throws Exception {
        Path escape = Path.of("/tmp/assay-hostile-" + UUID.randomUUID());
        Path project = projects.write("hostilepkg", "", Map.of("src/hostilepkg/__init__.py", """
                import socket
                try:
                    socket.create_connection(("1.1.1.1", 80), timeout=3)
                except OSError:
                    pass
                try:
                    open("%s", "w").write("owned")
                except OSError:
                    pass
                """.formatted(escape)));
        Path wheel = PythonProjects.only(projects.build(project), ".whl");

        ExecutionReport job = run(List.of(install(), importTask()),
                Map.of(DataKey.WHEEL, wheel, InstallTask.WHEELHOUSE, wheelhouse));
        Report imported = reports(job).get("import");

        assertThat(job.task("install").outcome()).as(() -> describe(job.task("install"))).isEqualTo(TaskOutcome.PASSED);
        assertThat(job.task("import").outcome()).as(() -> describe(job.task("import"))).isEqualTo(TaskOutcome.FAILED);
        assertThat(imported.findings()).extracting(Finding::severity, Finding::code).contains(
                org.assertj.core.groups.Tuple.tuple(Severity.CRITICAL, "network-attempt"),
                org.assertj.core.groups.Tuple.tuple(Severity.ERROR, "write-outside"));
        assertThat(imported.findings()).anyMatch(f -> f.message().contains("1.1.1.1:80"))
                .anyMatch(f -> f.message().contains(escape.toString()));
        assertThat(escape).doesNotExist();
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

    private Task install() {
        return builtins.tasks().stream().filter(t -> t.name().equals(InstallTask.NAME)).findFirst().orElseThrow();
    }

    private Task importTask() {
        return builtins.tasks().stream().filter(t -> t.name().equals(ImportTask.NAME)).findFirst().orElseThrow();
    }

    private ExecutionReport run(List<Task> tasks, Map<DataKey, Object> initial) throws InterruptedException {
        ExecutionPlan plan = ExecutionPlan.of(tasks, Set.copyOf(initial.keySet()));
        ExecutionManager manager = new ExecutionManager(
                ExecutionSettings.defaults().withDefaultTimeout(Duration.ofMinutes(5)), Clock.systemUTC());
        return manager.run(plan, initial, workspace);
    }

    private Map<String, Report> reports(ExecutionReport job) {
        Map<String, Report> reports = new java.util.HashMap<>();
        new Reporting(builtins.evaluators()).evaluate(job).forEach(r -> reports.put(r.task(), r));
        reports.values().forEach(r -> System.out.println("[" + r.task() + "] " + r.summary() + "\n  "
                + String.join("\n  ", r.findings().stream().map(f -> f.severity() + " " + f.code() + " "
                + f.message()).toList())));
        return reports;
    }

    private static String describe(TaskExecution execution) {
        return execution.outcome() + ": " + execution.message() + "\n" + String.join("\n", execution.log());
    }
}
