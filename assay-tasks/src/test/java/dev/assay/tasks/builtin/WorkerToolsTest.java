package dev.assay.tasks.builtin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.tasks.TaskOutcome;
import dev.assay.tasks.TaskResult;
import dev.assay.tasks.sandbox.Strace;

/** The worker's tools: found where they are installed, and a missing one named with its Debian package. */
class WorkerToolsTest {

    @Test
    void modulesOtherPackagesInstallDoNotMakeAToolThatIsNotThere(@TempDir Path packages) throws Exception {
        // packaging and tomli come with many packages; pytest and coverage.py do not
        Files.createDirectories(packages.resolve("packaging"));
        Files.createDirectories(packages.resolve("tomli"));

        BuiltinSettings settings = BuiltinSettings.debian(packages);

        assertThat(settings.testTools()).isEmpty();
        assertThat(settings.coverageTools()).isEmpty();
        assertThat(settings.buildTools()).isEmpty();
        Files.createDirectories(packages.resolve("pytest"));
        assertThat(BuiltinSettings.debian(packages).testTools())
                .containsExactly(packages.resolve("pytest"), packages.resolve("packaging"), packages.resolve("tomli"));
    }

    @Test
    void listsEveryToolWithItsDebianPackageAndWhichRequiredOnesAreMissing(@TempDir Path packages) throws Exception {
        Files.createDirectories(packages.resolve("flake8"));
        Strace strace = new Strace(packages.resolve("no-strace"));

        WorkerTools tools = WorkerTools.probe(BuiltinSettings.debian(packages), strace, packages.resolve("no-bwrap"));

        assertThat(tools.tools()).extracting(WorkerTools.Tool::name).contains("python3", "venv", "pip", "build",
                "pytest", "coverage", "pyflakes", "flake8", "pylint", "strace", "bubblewrap", "readme_renderer");
        assertThat(tools.missing()).extracting(WorkerTools.Tool::name)
                .contains("pytest", "coverage", "pyflakes", "build", "strace", "bubblewrap")
                .doesNotContain("flake8", "pylint");
        assertThat(tools.missing().stream().filter(tool -> tool.name().equals("pytest")).findFirst().orElseThrow()
                .describe()).startsWith("MISSING  pytest (required, Debian package python3-pytest)")
                .endsWith("apt-get install python3-pytest");
        assertThat(tools.tools().stream().filter(tool -> tool.name().equals("pylint")).findFirst().orElseThrow()
                .describe()).startsWith("absent   pylint (optional");
    }

    @Test
    void aMissingToolIsTheWorkersErrorSayingHowToInstallIt() {
        TaskResult result = WorkerTools.missing("pytest");

        assertThat(result.outcome()).isEqualTo(TaskOutcome.ERROR);
        assertThat(result.message()).contains("this worker has no pytest", "apt-get install python3-pytest");
        assertThat(WorkerTools.missing("readme_renderer").message())
                .contains("this worker has no readme_renderer", "apt-get install python3-readme-renderer");
    }
}
