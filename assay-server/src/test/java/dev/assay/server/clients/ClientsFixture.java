package dev.assay.server.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import tools.jackson.databind.JsonNode;

import dev.assay.server.accounts.AccountService;
import dev.assay.server.accounts.NewUser;
import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.testing.HttpApi;
import dev.assay.server.testing.PythonDistributions.Built;
import dev.assay.server.testing.PythonTools;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestServer;
import dev.assay.server.testing.TwineForms;

/**
 * One server per class with a publisher's API token (used as {@code __token__}, as the README tells), an isolated
 * home for the clients whose {@code .pypirc} names the server as the repository {@code assay}, and the two projects
 * the others depend on, {@link #BASE} and {@link #SPEEDUPS} (built by setuptools, uploaded by twine).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ClientsFixture {

    static final String BASE = "assay-base";
    static final String SPEEDUPS = "assay-speedups";
    static final String PUBLISHER = "publisher";
    static final String PUBLISHER_PASSWORD = "correct horse battery";
    private static final Pattern METADATA_VERSION = Pattern.compile("(?m)^Metadata-Version:\\s*(\\d+)\\.(\\d+)");

    TestDatabase database;
    TestServer server;
    Path work;
    String token;
    ClientEnvironment clients;

    abstract String databaseKind();

    @BeforeAll
    void startServer(@TempDir Path temporary) throws IOException {
        work = Files.createDirectories(temporary.resolve("work"));
        Path data = Files.createDirectories(temporary.resolve("data"));
        clients = new ClientEnvironment(Files.createDirectories(temporary.resolve("home")));
        database = TestDatabase.of(databaseKind(), data);
        server = TestServer.start(data, database);
        server.bean(AccountService.class).create(new NewUser(PUBLISHER, "publisher@example.org", "",
                PUBLISHER_PASSWORD, Set.of()));
        token = server.bean(TokenService.class)
                .create(new NewToken(PUBLISHER, "packaging clients", null, Set.of(TokenScope.UPLOAD))).secret();
        Files.writeString(clients.home().resolve(".pypirc"), """
                [distutils]
                index-servers = assay

                [assay]
                repository = %slegacy/
                username = __token__
                password = %s
                """.formatted(server.url(), token));
        String setuptools = ClientEnvironment.requireBackend(Backend.SETUPTOOLS, "python3-setuptools");
        for (String dependency : List.of(BASE, SPEEDUPS)) {
            upload(build(ClientProject.standalone(dependency, "1.0").write(work, Backend.SETUPTOOLS,
                    Backend.SETUPTOOLS.buildSystem(setuptools)), Backend.SETUPTOOLS));
        }
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
        if (database != null) {
            database.close();
        }
    }

    /** {@code python3 -m build} of a project with the system's backend (no isolation: no index to fetch it from). */
    Built build(Path project, Backend backend) {
        List<String> command = new ArrayList<>(List.of(PythonTools.SYSTEM_PYTHON, "-m", "build", "--no-isolation"));
        if (backend.skipsDependencyCheck()) {
            command.add("--skip-dependency-check");
        }
        command.addAll(List.of("--outdir", "dist", "."));
        clients.succeed(project, Map.of(), command.toArray(String[]::new));
        return built(project.resolve("dist"));
    }

    /** The wheel and the sdist in a folder of built files. */
    static Built built(Path dist) {
        try (Stream<Path> files = Files.list(dist)) {
            List<Path> all = files.toList();
            return new Built(only(all, ".whl"), only(all, ".tar.gz"));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /**
     * Uploads a build as twine does: {@code twine upload -r assay} with the {@code .pypirc}, or, for core metadata
     * 2.3 and later, which Debian's twine 4 cannot read, twine's form sent by {@link TwineForms}.
     */
    void upload(Built built) {
        if (readableByTwine4(built.wheel())) {
            clients.succeed(built.wheel().getParent(), Map.of(), PythonTools.SYSTEM_PYTHON, "-m", "twine", "upload",
                    "--verbose", "--disable-progress-bar", "--non-interactive", "-r", "assay",
                    built.wheel().toString(), built.sdist().toString());
            return;
        }
        try {
            TwineForms.Form wheel = TwineForms.of(List.of(built.wheel()), work).get(0);
            assertThat(wheel.error()).as("twine's form of " + built.wheel()).isNull();
            for (TwineForms.Form form : List.of(wheel, wheel.forSdist(built.sdist()))) {
                HttpResponse<String> response = form.send(server.url(), "__token__", token);
                assertThat(response.statusCode()).as(form.wheel() + ": " + response.body()).isEqualTo(200);
            }
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    /** The names of the files the Simple API lists for a project (its JSON page, as pip reads it). */
    List<String> indexedFiles(String project) {
        JsonNode page = HttpApi.parse(HttpApi.anonymous(server.url()).get("simple/" + project + "/?format="
                + "application/vnd.pypi.simple.v1%2Bjson").body());
        List<String> names = new ArrayList<>();
        page.get("files").forEach(file -> names.add(file.get("filename").asString()));
        return names;
    }

    /**
     * A new virtual environment made by Debian's python3, without a pip of its own (seeding one costs seconds;
     * {@link #pipInstall} runs Debian's pip for it); returns its python.
     */
    Path newVirtualEnvironment(String name, boolean systemSitePackages) {
        Path directory = work.resolve("venv-" + name);
        List<String> command = new ArrayList<>(List.of(PythonTools.SYSTEM_PYTHON, "-m", "venv", "--without-pip"));
        if (systemSitePackages) {
            command.add("--system-site-packages");
        }
        command.add(directory.toString());
        clients.succeed(work, Map.of(), command.toArray(String[]::new));
        return directory.resolve("bin/python");
    }

    /** {@code pip --python <venv> --isolated install --index-url <assay>/simple/ …} into a virtual environment. */
    PythonTools.Outcome pipInstall(Path python, String... arguments) {
        List<String> command = new ArrayList<>(List.of(PythonTools.SYSTEM_PYTHON, "-m", "pip", "--python",
                python.toString(), "--isolated", "install", "--no-cache-dir", "--index-url", server.url() + "simple/"));
        command.addAll(List.of(arguments));
        return clients.succeed(work, Map.of(), command.toArray(String[]::new));
    }

    /** Imports the projects' modules with a virtual environment's python; returns their versions, space-separated. */
    String importedVersions(Path python, String... projects) {
        List<String> modules = Stream.of(projects).map(ClientProject::module).toList();
        String script = "import " + String.join(", ", modules) + "; print(" + String.join(", ",
                modules.stream().map(module -> module + ".VERSION").toList()) + ")";
        return clients.succeed(work, Map.of(), python.toString(), "-c", script).output().strip();
    }

    /** Installs {@code NAME[fast]} from Assay into a new environment and checks the three modules import. */
    void assertPipInstallsWithItsDependencies(String project, String version) {
        Path python = newVirtualEnvironment(project, false);
        pipInstall(python, project + "[fast]==" + version);
        assertThat(importedVersions(python, project, BASE, SPEEDUPS)).isEqualTo(version + " 1.0 1.0");
    }

    private static boolean readableByTwine4(Path wheel) {
        try (ZipFile zip = new ZipFile(wheel.toFile())) {
            var metadata = zip.stream().filter(entry -> entry.getName().matches("[^/]+\\.dist-info/METADATA"))
                    .findFirst().orElseThrow(() -> new AssertionError("no METADATA in " + wheel));
            String text = new String(zip.getInputStream(metadata).readAllBytes(), StandardCharsets.UTF_8);
            Matcher version = METADATA_VERSION.matcher(text);
            assertThat(version.find()).as("Metadata-Version of " + wheel).isTrue();
            int major = Integer.parseInt(version.group(1));
            return major < 2 || major == 2 && Integer.parseInt(version.group(2)) < 3;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static Path only(List<Path> files, String suffix) {
        List<Path> matching = files.stream().filter(file -> file.toString().endsWith(suffix)).toList();
        assertThat(matching).as(suffix + " files among " + files).hasSize(1);
        return matching.get(0);
    }
}
