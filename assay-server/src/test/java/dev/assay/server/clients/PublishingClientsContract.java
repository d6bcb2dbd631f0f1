package dev.assay.server.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.PythonDistributions.Built;
import dev.assay.server.testing.PythonTools;

/**
 * Each publishing client's own command uploads to Assay with an API token, configured as the README shows, and
 * pip installs what it sent; twine and poetry, told to skip files that exist, read Assay's refusal of a file sent
 * again as such; poetry and pdm also install dependencies from Assay into a project of theirs, a public one and a
 * private one ({@link #PRIVATE}), read with the token.
 */
abstract class PublishingClientsContract extends ClientsFixture {

    static final String PRIVATE = "assay-private";

    @BeforeAll
    void publishAPrivateProject() {
        String setuptools = ClientEnvironment.requireBackend(Backend.SETUPTOOLS, "python3-setuptools");
        upload(build(ClientProject.standalone(PRIVATE, "1.0").write(work, Backend.SETUPTOOLS,
                Backend.SETUPTOOLS.buildSystem(setuptools)), Backend.SETUPTOOLS));
        HttpResponse<String> changed = new HttpApi(server.url(), PUBLISHER, PUBLISHER_PASSWORD)
                .put("api/v1/projects/" + PRIVATE + "/visibility", "{\"visibility\": \"private\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(HttpApi.anonymous(server.url()).get("simple/" + PRIVATE + "/").statusCode()).isEqualTo(401);
    }

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
        // a release job run again: poetry reads Assay's refusal of the same files as "already exists"
        PythonTools.Outcome again = clients.succeed(root, credentials, "poetry", "publish", "--repository", "assay",
                "--skip-existing", "--no-interaction");

        assertThat(again.output()).contains("File exists. Skipping");
        assertPublished("published-by-poetry", root.resolve("dist"));
    }

    @Test
    void twineSkipsTheFilesAssayAlreadyHasWhenToldTo() {
        Built base = built(work.resolve(BASE + "-1.0-" + Backend.SETUPTOOLS.name()).resolve("dist"));

        PythonTools.Outcome again = clients.succeed(work, Map.of(), PythonTools.SYSTEM_PYTHON, "-m", "twine", "upload",
                "--disable-progress-bar", "--non-interactive", "--skip-existing", "-r", "assay",
                base.wheel().toString(), base.sdist().toString());

        assertThat(again.output()).contains("Skipping " + base.wheel().getFileName(),
                "Skipping " + base.sdist().getFileName());
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
    void poetryInstallsAPublicAndAPrivateDependencyFromAssayAsItsOnlySource() throws IOException {
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
        // the source's credentials, as `poetry config http-basic.assay __token__ TOKEN` would store them
        Map<String, String> environment = Map.of("POETRY_VIRTUALENVS_IN_PROJECT", "true",
                "POETRY_HTTP_BASIC_ASSAY_USERNAME", "__token__", "POETRY_HTTP_BASIC_ASSAY_PASSWORD", token);

        clients.succeed(root, environment, "poetry", "source", "add", priorities ? "--priority=primary" : "--default",
                "assay", server.url() + "simple/");
        clients.succeed(root, environment, "poetry", "add", "--no-interaction", BASE, PRIVATE);

        assertThat(Files.readString(root.resolve("poetry.lock"))).contains("name = \"" + BASE + "\"",
                "name = \"" + PRIVATE + "\"");
        assertThat(importedVersions(root.resolve(".venv/bin/python"), BASE, PRIVATE)).isEqualTo("1.0 1.0");
    }

    @Test
    void pdmInstallsAPublicAndAPrivateDependencyFromAssayConfiguredAsItsIndex() throws IOException {
        ClientEnvironment.requireCommand("pdm", "python3-pdm");
        Path root = Files.createDirectories(work.resolve("uses-pdm"));
        Files.writeString(root.resolve("pyproject.toml"), """
                [project]
                name = "uses-pdm"
                version = "0.1.0"
                requires-python = ">=3.7"
                dependencies = []
                """);

        // pdm 2.2 has no pypi.username: the credentials go in the index URL, as pip takes them
        clients.succeed(root, Map.of(), "pdm", "config", "pypi.url",
                server.url().replace("://", "://__token__:" + token + "@") + "simple/");
        clients.succeed(root, Map.of(), "pdm", "add", "--no-self", BASE, PRIVATE);

        assertThat(Files.readString(root.resolve("pdm.lock"))).contains("name = \"" + BASE + "\"",
                "name = \"" + PRIVATE + "\"");
        PythonTools.Outcome python = clients.succeed(root, Map.of(), "pdm", "info", "--python");
        assertThat(importedVersions(Path.of(python.output().strip()), BASE, PRIVATE)).isEqualTo("1.0 1.0");
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
