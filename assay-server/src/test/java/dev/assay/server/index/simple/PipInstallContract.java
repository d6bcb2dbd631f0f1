package dev.assay.server.index.simple;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.packaging.name.ProjectName;
import dev.assay.server.testing.PythonTools;
import dev.assay.server.testing.TestDistributions;

/** The real pip installs from the index: specifiers, hashes, metadata files, yanked releases. */
abstract class PipInstallContract extends IndexFixture {

    private Pip pip;

    Pip pip() {
        if (pip == null) {
            pip = Pip.inNewVirtualEnvironment(build.resolve("venv"));
        }
        return pip;
    }

    PythonTools.Outcome pipInstall(Path target, String... requirements) {
        return pip().install(server.url() + "simple/", target, requirements);
    }

    @Test
    void pipInstallsAPackageAndTheDependencyVersionItsSpecifierChoosesReadingMetadataFiles(@TempDir Path target) {
        String dep = unique("dep");
        String app = unique("App_Lication");
        publishWheel(spec(dep, "1.0"));
        publishWheel(spec(dep, "1.5"));
        publishWheel(spec(dep, "2.0"));
        publishWheel(spec(app, "1.0", "Requires-Python: >=3.7", "Requires-Dist: " + dep + ">=1.0,<2"));
        double metadataBefore = metadataRequests();

        PythonTools.Outcome run = pipInstall(target, app + "==1.0");

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(Pip.installed(target)).containsExactlyInAnyOrder(
                ProjectName.escapeForFilename(app) + "-1.0", ProjectName.escapeForFilename(dep) + "-1.5");
        if (pip().readsCoreMetadataFromJson()) {
            assertThat(metadataRequests()).as("PEP 658 .metadata files fetched by pip").isGreaterThan(metadataBefore);
        } else {
            System.err.println("\n*** " + pip().version() + " predates PEP 714: it cannot read metadata hashes from "
                    + "JSON pages, so this run does not show .metadata files being fetched ***\n");
        }
    }

    @Test
    void pipRefusesAFileWhoseBytesNoLongerMatchTheHashInTheLink(@TempDir Path target) throws IOException {
        String name = unique("tampered");
        TestDistributions.Spec spec = spec(name, "1.0");
        publishWheel(spec);
        Path stored = data.resolve("files").resolve(name).resolve(ProjectName.escapeForFilename(name)
                + "-1.0-py3-none-any.whl");
        byte[] bytes = Files.readAllBytes(stored);
        bytes[bytes.length / 2] ^= 0x55;
        Files.write(stored, bytes);

        PythonTools.Outcome run = pipInstall(target, name + "==1.0");

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output()).containsIgnoringCase("do not match the hashes");
        assertThat(Pip.installed(target)).isEmpty();
    }

    @Test
    void pipSkipsAYankedReleaseUnlessItsVersionIsPinned(@TempDir Path latest, @TempDir Path pinned) {
        String name = unique("yanked-pip");
        publishWheel(spec(name, "1.0"));
        publishWheel(spec(name, "2.0"));
        yank(name, "2.0", "does not start");
        String stem = ProjectName.escapeForFilename(name);

        PythonTools.Outcome unpinned = pipInstall(latest, name);
        PythonTools.Outcome exact = pipInstall(pinned, name + "==2.0");

        assertThat(unpinned.exitCode()).as(unpinned.output()).isZero();
        assertThat(Pip.installed(latest)).containsExactly(stem + "-1.0");
        assertThat(exact.exitCode()).as(exact.output()).isZero();
        assertThat(Pip.installed(pinned)).containsExactly(stem + "-2.0");
        assertThat(exact.output()).contains("yanked", "does not start");
    }
}
