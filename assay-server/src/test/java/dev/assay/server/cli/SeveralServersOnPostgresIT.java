package dev.assay.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.git.GitCommand;
import dev.assay.server.testing.AssayProcess;
import dev.assay.server.testing.AssayProcess.Server;
import dev.assay.server.testing.Eventually;
import dev.assay.server.testing.PythonTools;
import dev.assay.server.testing.RoundRobinProxy;
import dev.assay.server.testing.TestDatabase;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.WebSession;

/**
 * The README's several-servers set-up as an operator builds it: two {@code ./assay serve} processes on one PostgreSQL
 * database and one shared data directory, behind a round-robin nginx. Uploads go through both; each server's simple
 * pages show the other's uploads at once; pip installs through the proxy; a person's session and its CSRF tokens hold
 * whichever server answers; every pipeline job is claimed once; a push's event is delivered once.
 */
class SeveralServersOnPostgresIT {

    private static final String PASSWORD = "s3cret-passw0rd";
    private static final Pattern CLAIMED = Pattern.compile("claimed job (\\d+) of pipeline");

    @Test
    void twoServersBehindARoundRobinProxyServeAsOne(@TempDir Path work) throws Exception {
        // the sandbox runs as nobody, who must reach the in-process workers' workspaces below the data directory
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
        Path data = work.resolve("data");
        try (TestDatabase database = TestDatabase.postgres()) {
            Map<String, String> environment = new HashMap<>(database.launchEnvironment());
            environment.put("ASSAY_REVIEW_NEW_PROJECTS", "false");
            AssayProcess assay = new AssayProcess(environment);
            // one after the other: on a loaded machine two starts at once may each miss the start-up deadline
            try (Server first = assay.serve(data, work.resolve("first.log"));
                    Server second = assay.serve(data, work.resolve("second.log"));
                    RoundRobinProxy proxy = RoundRobinProxy.start(work.resolve("nginx"),
                            List.of(first.port(), second.port()))) {
                assay.addAdmin("olga", PASSWORD, data);
                Map<String, Server> byUpstream = RoundRobinProxy.byUpstream(first, second);

                List<String> answeredBy = uploadThroughTheProxy(proxy, byUpstream, work);
                assertThat(answeredBy).as("round robin: uploads through both servers")
                        .containsAll(byUpstream.keySet());

                Path python = PythonTools.newVirtualEnvironment(work.resolve("venv"));
                PythonTools.pipInstall(python, proxy.url() + "simple/", "shared-pkg==1.2").assertSucceeded();
                assertThat(PythonTools.run(work, Map.of(), List.of(python.toString(), "-m", "pip", "--isolated",
                        "show", "shared-pkg")).output()).contains("Version: 1.2");

                signInAndPostFormsThroughTheProxy(proxy);
                pushThroughTheProxy(proxy, work);
                Eventually.until("both pushes' events delivered", Duration.ofMinutes(2),
                        () -> database.count(
                                "SELECT count(*) FROM git_push_deliveries WHERE delivered_at IS NOT NULL"),
                        delivered -> delivered >= 2);

                int pipelines = 5;
                awaitPipelinesDone(database, pipelines, first, second);
                assertThat(database.count("SELECT count(*) FROM pipelines WHERE trigger_kind = 'push'"))
                        .as("one pipeline per pushed commit").isEqualTo(2);
                assertThat(database.count("SELECT count(*) FROM git_push_deliveries WHERE attempts <> 1"))
                        .as("push events delivered more than once").isZero();
                assertClaimedOnce(database, pipelines, first, second);
            }
        }
    }

    /**
     * Three versions of one project uploaded through the proxy; before each, both servers have the project's page
     * kept, and right after it both list the new file. Returns the server that answered each upload.
     */
    private static List<String> uploadThroughTheProxy(RoundRobinProxy proxy, Map<String, Server> servers, Path work)
            throws Exception {
        List<String> answeredBy = new ArrayList<>();
        for (String version : List.of("1.0", "1.1", "1.2")) {
            TestDistributions.Spec spec = new TestDistributions.Spec("Shared_Pkg", version,
                    List.of("Summary: uploaded through the proxy"), "");
            Path wheel = TestDistributions.wheel(Files.createDirectories(work.resolve("dist-" + version)), spec);
            servers.values().forEach(server -> simplePage(server.url()));
            HttpResponse<String> upload = spec.request(wheel).send(proxy.url(), "olga", PASSWORD);
            assertThat(upload.statusCode()).as(upload.body()).isEqualTo(200);
            answeredBy.add(upload.headers().firstValue(RoundRobinProxy.UPSTREAM).orElseThrow());
            for (Server server : servers.values()) {
                assertThat(simplePage(server.url()).body()).as("%s's page right after the upload", server.url())
                        .contains(wheel.getFileName().toString());
            }
        }
        return answeredBy;
    }

    /**
     * A person signs in and posts CSRF-protected forms through the proxy: each form is fetched from one server and
     * posted to the other, so the session and its CSRF token must hold on both.
     */
    private static void signInAndPostFormsThroughTheProxy(RoundRobinProxy proxy) {
        WebSession browser = new WebSession(proxy.url());
        HttpResponse<String> signedIn = browser.logIn("olga", PASSWORD);
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(200);
        assertThat(signedIn.uri().getPath()).isEqualTo("/profile");
        Set<String> answeredBy = new HashSet<>();
        for (int made = 1; made <= 4; made++) {
            HttpResponse<String> created = browser.submit("projects/new", "form[action$=/projects/new]",
                    Map.of("name", "made-" + made));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
            assertThat(created.uri().getPath()).as("the new project's page").isEqualTo("/project/made-" + made + "/");
            answeredBy.add(created.headers().firstValue(RoundRobinProxy.UPSTREAM).orElseThrow());
            HttpResponse<String> profile = browser.get("profile");
            assertThat(profile.uri().getPath()).as("still signed in").isEqualTo("/profile");
            answeredBy.add(profile.headers().firstValue(RoundRobinProxy.UPSTREAM).orElseThrow());
        }
        assertThat(answeredBy).as("pages from both servers").hasSize(2);
    }

    /** Two commits pushed to the uploaded project's repository through the proxy, with git over HTTP. */
    private static void pushThroughTheProxy(RoundRobinProxy proxy, Path work) throws Exception {
        GitCommand git = new GitCommand(Files.createDirectories(work.resolve("git-home")));
        Path tree = Files.createDirectories(work.resolve("tree"));
        String remote = "http://olga:" + PASSWORD + "@127.0.0.1:" + proxy.port() + "/git/shared-pkg.git";
        git.run(tree, "init", "-q").succeeded();
        for (int commit = 1; commit <= 2; commit++) {
            git.commit(tree, "README.md", "shared, take " + commit + "\n", "Take " + commit);
            git.run(tree, "push", "-q", remote, "HEAD:refs/heads/main").succeeded();
        }
    }

    private static HttpResponse<String> simplePage(String baseUrl) {
        try {
            HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(baseUrl + "simple/shared-pkg/")).build(), HttpResponse.BodyHandlers.ofString());
            return page;
        } catch (Exception failure) {
            throw new AssertionError(failure);
        }
    }

    private static void awaitPipelinesDone(TestDatabase database, int pipelines, Server first, Server second) {
        Eventually.until("every pipeline job finished", Duration.ofMinutes(6),
                () -> database.count("SELECT count(*) FROM pipeline_jobs WHERE status IN ('finished', 'error')"),
                done -> {
                    if (!first.process().isAlive() || !second.process().isAlive()) {
                        throw new AssertionError("a server ended:\n" + first.output() + "\n" + second.output());
                    }
                    return done >= pipelines;
                });
    }

    /** Each job claimed once, by one of the two servers: one attempt in the database, one claim in the logs. */
    private static void assertClaimedOnce(TestDatabase database, int pipelines, Server first, Server second) {
        assertThat(database.count("SELECT count(*) FROM pipeline_jobs")).isEqualTo(pipelines);
        assertThat(database.count("SELECT count(*) FROM pipeline_jobs WHERE attempts <> 1 OR status <> 'finished'"))
                .as("jobs claimed more than once or not finished").isZero();
        List<String> claims = new ArrayList<>();
        for (Server server : List.of(first, second)) {
            Matcher claimed = CLAIMED.matcher(server.output());
            while (claimed.find()) {
                claims.add(claimed.group(1));
            }
        }
        assertThat(claims).as("claims logged by both servers").hasSize(pipelines).doesNotHaveDuplicates();
    }
}
