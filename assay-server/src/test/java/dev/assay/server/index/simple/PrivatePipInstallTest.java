package dev.assay.server.index.simple;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.packaging.name.ProjectName;
import dev.assay.server.testing.PythonTools;

/** The real pip installs a private package with a token in the index URL, and cannot without it (H2). */
class PrivatePipInstallTest extends IndexFixture {

    @Override
    String databaseKind() {
        return "h2";
    }

    @Test
    void pipInstallsAPrivatePackageWithATokenInTheIndexUrlAndFailsWithoutCredentials(@TempDir Path withToken,
            @TempDir Path withoutCredentials) {
        String name = unique("private-pip");
        publishWheel(spec(name, "1.0"));
        changeVisibility(name, "private");
        Pip pip = Pip.inNewVirtualEnvironment(build.resolve("venv"));

        PythonTools.Outcome refused = pip.install(server.url() + "simple/", withoutCredentials, name);
        PythonTools.Outcome installed = pip.install("http://__token__:" + token + "@127.0.0.1:" + server.port()
                + "/simple/", withToken, name);

        assertThat(refused.exitCode()).as(refused.output()).isNotZero();
        assertThat(Pip.installed(withoutCredentials)).isEmpty();
        assertThat(installed.exitCode()).as(installed.output()).isZero();
        assertThat(Pip.installed(withToken)).containsExactly(ProjectName.escapeForFilename(name) + "-1.0");
    }
}
