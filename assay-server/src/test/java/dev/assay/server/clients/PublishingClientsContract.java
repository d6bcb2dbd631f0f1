package dev.assay.server.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.assay.server.testing.PythonDistributions.Built;
import dev.assay.server.testing.PythonTools;

/**
 * Each publishing client's own command uploads to Assay with an API token, configured as the README shows, and
 * pip installs what it sent; poetry and pdm also install a dependency from Assay into a project of theirs.
 */
abstract class PublishingClientsContract extends ClientsFixture {

    @Test
    void flitPublishesWithThePypircAndPipInstallsIt() {
        ClientEnvironment.requireCommand("flit", "flit");
        Path root = project("published-by-flit", Backend.FLIT_CORE, "flit");

        clients.succeed(root, Map.of(), "flit", "publish", "--repository", "assay");

        assertPublished("published-by-flit", root.resolve("dist"));
    }

    @Test
    void poetryPublishesToTheRepositoryItsConfigurationNamesAndPipInstallsIt() {
        ClientEnvironment.requireCommand("poetry", "python3-poetry");
        Path root = project("published-by-poetry", Backend.POETRY_CORE, "python3-poetry-core");
        Map<String, String> credentials = Map.of("POETRY_HTTP_BASIC_ASSAY_USERNAME", "__token__",
                "POETRY_HTTP_BASIC_ASSAY_PASSWORD", token);

        clients.succeed(root, Map.of(), "poetry", "config", "repositories.assay", server.url() + "legacy/");
        clients.succeed(root, credentials, "poetry", "publish", "--build", "--repository", "assay",
                "--no-interaction");

        assertPublished("published-by-poetry", root.resolve("dist"));
    }

    /**
     * {@code pdm publish} builds in an environment it fills from an index (pypi.org) even with {@code pdm build
     * --no-isolation}, which pdm 2.2 checks against the project's own environment, not the system's; offline, the
     * files are built by {@code python3 -m build} and sent by {@code pdm publish --no-build}.
     */
    @Test
    void pdmPublishesWithARepositoryUrlAndTokenAndPipInstallsIt() {
        ClientEnvironment.requireCommand("pdm", "python3-pdm");
        Path root = project("published-by-pdm", Backend.PDM, "python3-pdm-backend, or python3-pdm-pep517 on Debian 12");
        build(root, Backend.PDM);

        clients.succeed(root, Map.of(), "pdm", "publish", "--no-build", "--repository", server.url() + "legacy/",
                "--username", "__token__", "--password", token);

        assertPublished("published-by-pdm", root.resolve("dist"));
    }

    @Test
    void poetryInstallsADependencyFromAssayAsItsOnlySource() throws IOException {
        ClientEnvironment.requireCommand("poetry", "python3-poetry");
        Path root = Files.createDirectories(work.resolve("uses-poetry"));
        Files.writeString(root.resolve("pyproject.toml"), """
                [tool.poetry]
                name = "uses-poetry"
                version = "0.1.0"
                description = "An application"
                authors = ["Ann Example <ann@example.org>"]

                [tool.poetry.dependencies]
                python = ">=3.7"
                """);
        // poetry 1.5 replaced --default by --priority
        boolean priorities = clients.succeed(root, Map.of(), "poetry", "source", "add", "--help").output()
                .contains("--priority");
        Map<String, String> inProject = Map.of("POETRY_VIRTUALENVS_IN_PROJECT", "true");

        clients.succeed(root, inProject, "poetry", "source", "add", priorities ? "--priority=primary" : "--default",
                "assay", server.url() + "simple/");
        clients.succeed(root, inProject, "poetry", "add", "--no-interaction", BASE + "[fast]");

        assertThat(Files.readString(root.resolve("poetry.lock"))).contains("name = \"" + BASE + "\"");
        assertThat(importedVersions(root.resolve(".venv/bin/python"), BASE)).isEqualTo("1.0");
    }

    @Test
    void pdmInstallsADependencyFromAssayConfiguredAsItsIndex() throws IOException {
        ClientEnvironment.requireCommand("pdm", "python3-pdm");
        Path root = Files.createDirectories(work.resolve("uses-pdm"));
        Files.writeString(root.resolve("pyproject.toml"), """
                [project]
                name = "uses-pdm"
                version = "0.1.0"
                requires-python = ">=3.7"
                dependencies = []
                """);

        clients.succeed(root, Map.of(), "pdm", "config", "pypi.url", server.url() + "simple/");
        clients.succeed(root, Map.of(), "pdm", "add", "--no-self", BASE);

        assertThat(Files.readString(root.resolve("pdm.lock"))).contains("name = \"" + BASE + "\"");
        PythonTools.Outcome python = clients.succeed(root, Map.of(), "pdm", "info", "--python");
        assertThat(importedVersions(Path.of(python.output().strip()), BASE)).isEqualTo("1.0");
    }

    private Path project(String name, Backend backend, String debianPackage) {
        String module = ClientEnvironment.requireBackend(backend, debianPackage);
        return new ClientProject(name, "1.0", BASE, SPEEDUPS).write(work, backend, backend.buildSystem(module));
    }

    /** The client sent exactly the wheel and sdist it built, and pip installs them with their dependencies. */
    private void assertPublished(String project, Path dist) {
        Built built = built(dist);
        assertThat(indexedFiles(project)).containsExactlyInAnyOrder(built.wheel().getFileName().toString(),
                built.sdist().getFileName().toString());
        assertPipInstallsWithItsDependencies(project, "1.0");
    }
}
