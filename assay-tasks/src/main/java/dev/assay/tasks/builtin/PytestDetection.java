package dev.assay.tasks.builtin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a project's tests are meant for pytest: a {@code tests/} folder, a conftest, or pytest configuration. */
final class PytestDetection {

    private PytestDetection() {
    }

    static boolean wanted(Path project) throws IOException {
        if (Files.isDirectory(project.resolve("tests")) || Files.isRegularFile(project.resolve("conftest.py"))
                || Files.isRegularFile(project.resolve("pytest.ini"))) {
            return true;
        }
        return mentions(project.resolve("pyproject.toml"), "[tool.pytest.ini_options]")
                || mentions(project.resolve("setup.cfg"), "[tool:pytest]")
                || mentions(project.resolve("tox.ini"), "[pytest]");
    }

    private static boolean mentions(Path file, String section) throws IOException {
        return Files.isRegularFile(file) && Files.readString(file).contains(section);
    }
}
