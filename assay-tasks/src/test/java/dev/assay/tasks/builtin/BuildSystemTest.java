package dev.assay.tasks.builtin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildSystemTest {

    @TempDir
    Path dir;

    @Test
    void readsTheRequiresOfTheBuildSystemTable() throws IOException {
        assertThat(BuildSystem.parse("""
                [project]
                name = "x"
                requires = ["not-this"]

                [build-system]
                requires = [ "setuptools>=61", 'wheel ; python_version < "3.12"' ]
                build-backend = "setuptools.build_meta"
                """)).containsExactly("setuptools>=61", "wheel ; python_version < \"3.12\"");
        assertThat(BuildSystem.parse("build-system.requires = []\n")).isEmpty();
    }

    @Test
    void withoutRequiresTheLegacySetuptoolsDefaultApplies() throws IOException {
        assertThat(BuildSystem.parse("[project]\nname = \"x\"\n")).isEqualTo(List.of("setuptools>=40.8.0"));
        assertThat(BuildSystem.requires(dir)).isEqualTo(BuildSystem.DEFAULT_REQUIRES);
    }

    @Test
    void invalidTomlOrAListOfNonStringsIsAClearError() {
        assertThatThrownBy(() -> BuildSystem.parse("[build-system\nrequires = [\"a\"]\n"))
                .isInstanceOf(IOException.class).hasMessageStartingWith("pyproject.toml is not valid TOML");
        assertThatThrownBy(() -> BuildSystem.parse("[build-system]\nrequires = [1]\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("non-string");
        assertThatThrownBy(() -> BuildSystem.parse("[build-system]\nrequires = \"setuptools\"\n"))
                .isInstanceOf(IOException.class).hasMessageContaining("not a list");
    }

    @Test
    void readsTheSdistsPyprojectWithoutUnpackingIt() throws Exception {
        PythonProjects projects = new PythonProjects(dir);
        Path project = projects.write("tinyproj", "", Map.of("tinyproj/__init__.py", ""));
        Files.writeString(project.resolve("pyproject.toml"), TinyBackend.pyproject("tinyproj"));

        assertThat(BuildSystem.requires(projects.sdist(project, "tinyproj"))).containsExactly("tiny-backend");
        assertThat(BuildSystem.requires(project)).containsExactly("tiny-backend");
    }
}
