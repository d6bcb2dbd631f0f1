package dev.assay.server.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.WebSession;

/**
 * A private project, read by each kind of caller on every surface: anonymous, a stranger (sam), a reviewer
 * (rita), an administrator (ada) and the reviewer's API token; public projects stay as they were.
 */
abstract class VisibilityContract extends GitFixture {

    private static final String SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";

    /** A project of olive's with release 1.0 (requiring {@code dependency}) and one commit, made private. */
    private String privateProject(String dependency) {
        String project = newProject();
        upload(project, "1.0", dependency == null ? List.of("Summary: secret sauce")
                : List.of("Summary: secret sauce", "Requires-Dist: " + dependency));
        Path work = scratch.resolve(project + "-work");
        git.run(scratch, "clone", "-q", tokenUrl(project, token("olive", project, TokenScope.PUSH)), work.toString())
                .succeeded();
        git.commit(work, "README.md", "the secret recipe\n", "Add the recipe");
        git.run(work, "push", "-q", "origin", "HEAD:main").succeeded();
        assertThat(send("PUT", "api/v1/projects/" + project + "/visibility", "olive", PASSWORD,
                "{\"visibility\":\"private\"}").statusCode()).isEqualTo(200);
        return project;
    }

    private void upload(String project, String version, List<String> headers) {
        TestDistributions.Spec spec = new TestDistributions.Spec(project, version, headers, "");
        try {
            Path directory = Files.createDirectories(scratch.resolve("dist-" + project + "-" + version));
            spec.upload(TestDistributions.wheel(directory, spec), server.url(), "olive", PASSWORD);
        } catch (IOException failure) {
            throw new AssertionError(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    private String wheelPath(String project) {
        return "files/" + project + "/" + project.replace('-', '_') + "-1.0-py3-none-any.whl";
    }

    /** Every machine-readable surface of the project, as the Basic credentials see it (null: anonymous). */
    private void assertMachineSurfaces(String project, String user, String password, int expected) {
        for (String path : List.of("simple/" + project + "/", "simple/" + project + "/?format=" + SIMPLE_JSON,
                wheelPath(project), wheelPath(project) + ".metadata", "pypi/" + project + "/json",
                "pypi/" + project + "/1.0/json", "api/v1/projects/" + project + "/branches",
                "api/v1/projects/" + project + "/tags", "api/v1/projects/" + project + "/commits",
                "api/v1/projects/" + project + "/files/README.md?ref=main",
                "api/v1/projects/" + project + "/dependencies", "api/v1/projects/" + project + "/visibility")) {
            HttpResponse<String> response = read(path, user, password);
            assertThat(response.statusCode()).as(path + " for " + user + ": " + response.body()).isEqualTo(expected);
            if (expected == 401) {
                assertThat(response.headers().firstValue("WWW-Authenticate")).as(path).hasValue("Basic realm=\"Assay\"");
            }
            if (expected == 404) {
                assertThat(response.body()).as(path).doesNotContain("secret");
            }
        }
    }

    /** A GET accepting any representation, as pip, curl and git do. */
    private HttpResponse<String> read(String path, String user, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.url() + path)).header("Accept", "*/*");
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException failure) {
            throw new AssertionError(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    private boolean listed(String project, String user, String password) {
        HttpResponse<String> list = read("simple/?format=" + SIMPLE_JSON, user, password);
        assertThat(list.statusCode()).isEqualTo(200);
        return list.body().contains("\"" + project + "\"");
    }

    @Test
    void machineSurfacesAskAnonymousCallersForCredentialsHideFromStrangersAndServeMembersAdminsAndTokens() {
        String project = privateProject(null);
        String ritaToken = token("rita", null, TokenScope.UPLOAD);

        assertMachineSurfaces(project, null, null, 401);
        assertMachineSurfaces(project, "sam", PASSWORD, 404);
        assertMachineSurfaces(project, "rita", PASSWORD, 200);
        assertMachineSurfaces(project, "ada", PASSWORD, 200);
        assertMachineSurfaces(project, "__token__", ritaToken, 200);
        assertThat(read(wheelPath(project), "rita", PASSWORD).headers().firstValue("Cache-Control"))
                .hasValueSatisfying(cache -> assertThat(cache).contains("private").doesNotContain("public"));
    }

    @Test
    void theProjectListNamesAPrivateProjectOnlyToThoseWhoMayReadIt() {
        String project = privateProject(null);

        assertThat(listed(project, null, null)).isFalse();
        assertThat(listed(project, "sam", PASSWORD)).isFalse();
        assertThat(listed(project, "rita", PASSWORD)).isTrue();
        assertThat(listed(project, "ada", PASSWORD)).isTrue();
        assertThat(listed(project, "__token__", token("rita", null, TokenScope.UPLOAD))).isTrue();
        assertThat(listed(project, "__token__", token("rita", "some-other-project", TokenScope.UPLOAD)))
                .as("a token bound to another project").isFalse();
        assertThat(listed(project, null, null)).as("after members read the list").isFalse();
    }

    @Test
    void webPagesSearchAndHomeShowAPrivateProjectOnlyToMembersAndAdmins() {
        String project = privateProject(null);
        WebSession anonymous = new WebSession(server.url());
        WebSession sam = signedIn("sam");
        WebSession rita = signedIn("rita");
        WebSession ada = signedIn("ada");

        for (String path : List.of("project/" + project + "/", "project/" + project + "/1.0/",
                "project/" + project + "/source", "project/" + project + "/source/blob/main/README.md",
                "project/" + project + "/source/commits/main")) {
            assertThat(anonymous.get(path).statusCode()).as(path).isEqualTo(404);
            assertThat(sam.get(path).statusCode()).as(path).isEqualTo(404);
            assertThat(sam.get(path).body()).as(path).doesNotContain("secret");
            assertThat(rita.get(path).statusCode()).as(path).isEqualTo(200);
            assertThat(ada.get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(rita.get("project/" + project + "/source/blob/main/README.md").body()).contains("the secret recipe");
        String link = "href=\"/project/" + project + "/\"";
        for (String path : List.of("search?q=" + project, "")) {
            assertThat(anonymous.get(path).body()).as(path).doesNotContain(link);
            assertThat(sam.get(path).body()).as(path).doesNotContain(link);
            assertThat(rita.get(path).body()).as(path).contains(link);
            assertThat(ada.get(path).body()).as(path).contains(link);
        }
    }

    @Test
    void aPrivateDependentIsLeftOutOfAPublicProjectsReverseDependenciesForOutsiders() {
        String library = newProject();
        upload(library, "1.0", List.of("Summary: a public library"));
        String secret = privateProject(library);
        String dependents = "api/v1/projects/" + library + "/dependents";

        assertThat(send("GET", dependents, null, null, null).body()).doesNotContain(secret);
        assertThat(send("GET", dependents, "sam", PASSWORD, null).body()).doesNotContain(secret);
        assertThat(send("GET", dependents, "rita", PASSWORD, null).body()).contains(secret);
        assertThat(new WebSession(server.url()).get("project/" + library + "/").body()).doesNotContain(secret);
        assertThat(signedIn("rita").get("project/" + library + "/").body()).contains(secret);
    }

    @Test
    void gitClonesAPrivateRepositoryOnlyWithAReadersCredentials() {
        String project = privateProject(null);
        String ritaToken = token("rita", null, TokenScope.UPLOAD);

        GitCommand.Outcome anonymous = git.run(scratch, "clone", "-q", anonymousUrl(project),
                scratch.resolve(project + "-anonymous").toString()).failed();
        assertThat(anonymous.output()).doesNotContain("secret");
        git.run(scratch, "clone", "-q", "http://sam:" + PASSWORD.replace(" ", "%20") + "@127.0.0.1:" + server.port()
                + "/git/" + project + ".git", scratch.resolve(project + "-sam").toString()).failed();
        assertThat(scratch.resolve(project + "-sam").resolve("README.md")).doesNotExist();

        Path member = scratch.resolve(project + "-rita");
        git.run(scratch, "clone", "-q", tokenUrl(project, ritaToken), member.toString()).succeeded();
        assertThat(member.resolve("README.md")).content().isEqualTo("the secret recipe\n");
        Path admin = scratch.resolve(project + "-ada");
        git.run(scratch, "clone", "-q", "http://ada:" + PASSWORD.replace(" ", "%20") + "@127.0.0.1:" + server.port()
                + "/git/" + project + ".git", admin.toString()).succeeded();
        git.run(member, "fetch", "-q", "origin").succeeded();
    }

    @Test
    void aSmartHttpReadOfAPrivateRepositoryAnswers401ToAnonymousAnd404ToStrangers() {
        String project = privateProject(null);
        String refs = "git/" + project + ".git/info/refs?service=git-upload-pack";

        HttpResponse<String> anonymous = send("GET", refs, null, null, null);
        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).hasValue("Basic realm=\"Assay\"");
        assertThat(send("GET", refs, "sam", PASSWORD, null).statusCode()).isEqualTo(404);
        assertThat(send("GET", refs, "rita", PASSWORD, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", refs, "sam", "wrong password", null).statusCode()).isEqualTo(401);
    }

    @Test
    void switchingBackToPublicOpensEverySurfaceToEveryoneAgain() {
        String project = privateProject(null);

        HttpResponse<String> changed = send("PUT", "api/v1/projects/" + project + "/visibility", "olive", PASSWORD,
                "{\"visibility\":\"public\"}");

        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.body()).contains("\"visibility\":\"public\"");
        assertMachineSurfaces(project, null, null, 200);
        assertThat(listed(project, null, null)).isTrue();
        assertThat(new WebSession(server.url()).get("project/" + project + "/").statusCode()).isEqualTo(200);
        assertThat(cloned(project).resolve("README.md")).exists();
    }

    @Test
    void publicProjectsNeedNoCredentialsAnywhere() {
        String project = newProject();
        upload(project, "1.0", List.of("Summary: open"));

        assertThat(get("api/v1/projects/" + project + "/visibility").body()).contains("\"visibility\":\"public\"");
        assertThat(read("simple/" + project + "/", null, null).statusCode()).isEqualTo(200);
        assertThat(read("simple/" + project + "/", null, null).headers().firstValue("Cache-Control")).hasValueSatisfying(
                cache -> assertThat(cache).contains("public"));
        assertThat(read(wheelPath(project), null, null).statusCode()).isEqualTo(200);
        assertThat(listed(project, null, null)).isTrue();
        assertThat(cloned(project)).isDirectory();
    }

    @Test
    void onlyOwnersAndAdminsChangeTheVisibilityAndOutsidersCannotTellThePrivateProjectExists() {
        String project = privateProject(null);
        String path = "api/v1/projects/" + project + "/visibility";
        String body = "{\"visibility\":\"public\"}";

        assertThat(send("PUT", path, null, null, body).statusCode()).isEqualTo(401);
        assertThat(send("PUT", path, "sam", PASSWORD, body).statusCode()).isEqualTo(404);
        assertThat(send("PUT", path, "max", PASSWORD, body).statusCode()).isEqualTo(403);
        assertThat(send("PUT", path, "rita", PASSWORD, body).statusCode()).isEqualTo(403);
        HttpResponse<String> invalid = send("PUT", path, "olive", PASSWORD, "{\"visibility\":\"secret\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("use public or private");
        assertThat(send("GET", path, "rita", PASSWORD, null).body()).contains("\"visibility\":\"private\"");
        assertThat(send("PUT", path, "ada", PASSWORD, body).statusCode()).isEqualTo(200);
        assertThat(send("GET", "api/v1/projects/no-such-" + project + "/visibility", "sam", PASSWORD, null).body())
                .isEqualTo(send("GET", "api/v1/projects/no-such-" + project + "/visibility", "sam", PASSWORD, null)
                        .body());
    }

    @Test
    void writeEndpointsAnswerAStrangerAsIfThePrivateProjectDidNotExist() {
        String project = privateProject(null);
        String missing = "no-such-" + project;
        List<String[]> writes = List.of(
                new String[] {"POST", "api/v1/projects/%s/releases/1.0/yank", "{\"reason\":\"x\"}"},
                new String[] {"DELETE", "api/v1/projects/%s/releases/1.0", null},
                new String[] {"PUT", "api/v1/projects/%s/roles/sam", "{\"role\":\"owner\"}"},
                new String[] {"GET", "api/v1/projects/%s/roles", null},
                new String[] {"POST", "api/v1/projects/%s/mirrors", "{\"url\":\"https://example.org/x.git\"}"},
                new String[] {"PUT", "api/v1/projects/%s/protected-branches", "{\"branches\":[\"main\"]}"},
                new String[] {"POST", "api/v1/projects/%s/releases/1.0/pipelines", "{}"});
        for (String[] write : writes) {
            HttpResponse<String> secret = send(write[0], write[1].formatted(project), "sam", PASSWORD, write[2]);
            HttpResponse<String> absent = send(write[0], write[1].formatted(missing), "sam", PASSWORD, write[2]);
            assertThat(secret.statusCode()).as(write[0] + " " + write[1] + ": " + secret.body()).isEqualTo(404);
            assertThat(secret.body().replace(project, "NAME")).as(write[1])
                    .isEqualTo(absent.body().replace(missing, "NAME"));
        }
        assertThat(send("POST", "api/v1/projects/" + project + "/releases/1.0/yank", "rita", PASSWORD,
                "{\"reason\":\"x\"}").statusCode()).as("a reviewer reads but may not yank").isEqualTo(403);
    }

    @Test
    void theSettingsPageIsLinkedForOwnersAndItsFormMakesTheProjectPrivate() {
        String project = newProject();
        WebSession olive = signedIn("olive");
        WebSession rita = signedIn("rita");

        assertThat(olive.page("project/" + project + "/").select("#project-settings")).hasSize(1);
        assertThat(rita.page("project/" + project + "/").select("#project-settings")).isEmpty();
        assertThat(rita.get("project/" + project + "/settings").statusCode()).isEqualTo(403);
        assertThat(olive.post("project/" + project + "/settings/visibility", Map.of("visibility", "private"))
                .statusCode()).as("a form without its CSRF token").isEqualTo(403);

        HttpResponse<String> saved = olive.submit("project/" + project + "/settings", "#change-visibility",
                Map.of("visibility", "private"));

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("The project is now private.");
        assertThat(read("simple/" + project + "/", null, null).statusCode()).isEqualTo(401);
        assertThat(signedIn("sam").get("project/" + project + "/settings").statusCode()).isEqualTo(404);
    }

    private WebSession signedIn(String user) {
        WebSession session = new WebSession(server.url());
        assertThat(session.logIn(user, PASSWORD).statusCode()).isEqualTo(200);
        return session;
    }
}
