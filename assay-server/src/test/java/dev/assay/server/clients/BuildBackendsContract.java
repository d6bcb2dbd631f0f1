package dev.assay.server.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import dev.assay.server.testing.PythonDistributions.Built;
import dev.assay.server.testing.PythonTools;

/**
 * What each build backend writes ({@code python3 -m build}: setuptools, flit-core, hatchling, poetry-core, pdm's),
 * uploaded as twine uploads it, is listed by the Simple API and installed by pip: the wheel, with a dependency and an
 * extra resolved from Assay, and the sdist, built from source by pip.
 */
abstract class BuildBackendsContract extends ClientsFixture {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void eachBackendsWheelAndSdistAreUploadedListedAndInstalledByPip(Backend backend) {
        String module = ClientEnvironment.requireBackend(backend, debianPackage(backend));
        ClientProject project = new ClientProject("built-by-" + backend.label(), "1.0", BASE, SPEEDUPS);
        Built built = build(project.write(work, backend, backend.buildSystem(module)), backend);

        upload(built);

        assertThat(indexedFiles(project.name())).containsExactlyInAnyOrder(built.wheel().getFileName().toString(),
                built.sdist().getFileName().toString());
        // Debian's backends in the environment, so that pip builds the sdist without an index to fetch them from
        Path python = newVirtualEnvironment(project.name(), true);
        pipInstall(python, project.name() + "[fast]==1.0");
        assertThat(importedVersions(python, project.name(), BASE, SPEEDUPS)).isEqualTo("1.0 1.0 1.0");
        PythonTools.Outcome fromSource = pipInstall(python, "--force-reinstall", "--no-deps", "--no-build-isolation",
                "--no-binary", project.name(), project.name() + "==1.0");
        assertThat(fromSource.output()).contains(built.sdist().getFileName().toString(), "Successfully built");
        assertThat(importedVersions(python, project.name())).isEqualTo("1.0");
    }

    private static String debianPackage(Backend backend) {
        return switch (backend) {
            case SETUPTOOLS -> "python3-setuptools";
            case FLIT_CORE -> "flit (python3-flit-core on Debian 13 and later)";
            case HATCHLING -> "python3-hatchling";
            case POETRY_CORE -> "python3-poetry-core";
            case PDM -> "python3-pdm-backend, or python3-pdm-pep517 on Debian 12";
        };
    }
}
