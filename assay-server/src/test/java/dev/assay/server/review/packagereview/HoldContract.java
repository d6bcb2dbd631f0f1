package dev.assay.server.review.packagereview;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.accounts.tokens.NewToken;
import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.accounts.tokens.TokenService;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonTools;
import dev.assay.server.testing.WebSession;

/**
 * A new project uploaded with twine while {@code assay.review-new-projects} is on is held: to pip, the index, the
 * files, the JSON API, the pages, search and git it is a missing project, for everyone but its members, package
 * reviewers and administrators.
 */
abstract class HoldContract extends ReviewFixture {

    private static final String SIMPLE_JSON = "application/vnd.pypi.simple.v1+json";

    /** Builds the project with python -m build and uploads its wheel and sdist with twine as carol. */
    PythonDistributions.Built twineUpload(String project, String version) throws Exception {
        PythonDistributions.Built built = PythonDistributions.build(
                Files.createDirectories(scratch.resolve("build-" + project + "-" + version)),
                PythonDistributions.Spec.of(project, version));
        PythonTools.twineUpload(server.url(), "carol", PASSWORD, built.wheel(), built.sdist()).assertSucceeded();
        return built;
    }

    private List<String> surfaces(String project, PythonDistributions.Built built) {
        return List.of("simple/" + project + "/", "simple/" + project + "/?format=" + SIMPLE_JSON,
                "files/" + project + "/" + built.wheel().getFileName(),
                "files/" + project + "/" + built.wheel().getFileName() + ".metadata",
                "files/" + project + "/" + built.sdist().getFileName(),
                "pypi/" + project + "/json", "pypi/" + project + "/1.0/json",
                "api/v1/projects/" + project + "/dependencies",
                "git/" + project + ".git/info/refs?service=git-upload-pack");
    }

    @Test
    void aHeldProjectIsAMissingProjectToAnonymousCallersAndStrangersOnEveryMachineSurface() throws Exception {
        String project = unique("held");
        PythonDistributions.Built built = twineUpload(project, "1.0");
        String missing = unique("never-uploaded");

        for (String path : surfaces(project, built)) {
            HttpResponse<String> anonymous = read(path, null, null);
            HttpResponse<String> stranger = read(path, "sam", PASSWORD);
            assertThat(read(path.replace(project, missing), null, null).statusCode()).as(path).isEqualTo(404);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(404);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate")).as(path).isEmpty();
            assertThat(stranger.statusCode()).as(path).isEqualTo(404);
            assertThat(anonymous.body() + stranger.body()).as(path).doesNotContain("The " + project + " package");
        }
        String boundToAnother = server.bean(TokenService.class)
                .create(new NewToken("rita", "another project", "another-project", Set.of(TokenScope.UPLOAD))).secret();
        assertThat(read("simple/" + project + "/", "__token__", token("rita", TokenScope.UPLOAD)).statusCode())
                .isEqualTo(200);
        assertThat(read("simple/" + project + "/", "__token__", boundToAnother).statusCode()).isEqualTo(404);
    }

    @Test
    void membersPackageReviewersAndAdministratorsReadAHeldProject() throws Exception {
        String project = unique("held-readers");
        PythonDistributions.Built built = twineUpload(project, "1.0");

        for (String user : List.of("carol", "rita", "spencer", "ada")) {
            for (String path : surfaces(project, built)) {
                assertThat(read(path, user, PASSWORD).statusCode()).as(path + " for " + user).isEqualTo(200);
            }
        }
        assertThat(read("files/" + project + "/" + built.wheel().getFileName(), "rita", PASSWORD)
                .headers().firstValue("Cache-Control")).hasValueSatisfying(cache -> assertThat(cache).contains("private"));
    }

    @Test
    void pipCannotFindAHeldProjectButItsContributorInstallsIt(@TempDir Path venvs)
            throws Exception {
        String project = unique("held-pip");
        twineUpload(project, "1.0");
        Path python = PythonTools.newVirtualEnvironment(venvs.resolve("venv"));

        PythonTools.Outcome refused = PythonTools.pipInstall(python, server.url() + "simple/", project);
        PythonTools.Outcome member = PythonTools.pipInstall(python, "http://carol:"
                + PASSWORD.replace(" ", "%20") + "@127.0.0.1:" + server.port() + "/simple/", project);

        assertThat(refused.exitCode()).as(refused.output()).isNotZero();
        assertThat(refused.output()).contains("No matching distribution found for " + project);
        assertThat(member.exitCode()).as(member.output()).isZero();
    }

    @Test
    void listingsSearchAndPagesLeaveAHeldProjectOutForOutsiders() throws Exception {
        String project = unique("held-listed");
        twineUpload(project, "1.0");
        WebSession anonymous = new WebSession(server.url());
        WebSession sam = signedIn("sam");
        WebSession rita = signedIn("rita");
        String link = "href=\"/project/" + project + "/\"";

        assertThat(read("simple/?format=" + SIMPLE_JSON, null, null).body()).doesNotContain("\"" + project + "\"");
        assertThat(read("simple/", "sam", PASSWORD).body()).doesNotContain(">" + project + "<");
        assertThat(read("simple/?format=" + SIMPLE_JSON, "rita", PASSWORD).body()).contains("\"" + project + "\"");
        for (String path : List.of("search?q=" + project, "")) {
            assertThat(anonymous.get(path).body()).as(path).doesNotContain(link);
            assertThat(sam.get(path).body()).as(path).doesNotContain(link);
            assertThat(rita.get(path).body()).as(path).contains(link);
        }
        assertThat(anonymous.get("project/" + project + "/").statusCode()).isEqualTo(404);
        assertThat(sam.get("project/" + project + "/").statusCode()).isEqualTo(404);
        assertThat(rita.get("project/" + project + "/").statusCode()).isEqualTo(200);
        assertThat(signedIn("carol").page("project/" + project + "/").getElementById("held-tag").text())
                .isEqualTo("held for review");
    }
}
