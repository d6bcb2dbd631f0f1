package dev.assay.server.index.manage;

import static dev.assay.server.index.manage.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.testing.PythonDistributions;
import dev.assay.server.testing.PythonDistributions.Built;
import dev.assay.server.testing.PythonDistributions.Spec;
import dev.assay.server.testing.PythonTools;

/** The REST API for yanking and deleting releases and files, per role, on a real server; run once per database. */
abstract class ReleaseManagementApiContract extends ManageFixture {

    @Test
    void ownerYanksWithReasonThenUnyanksAndTheFileStaysInstallable() {
        String project = projectWithReleases("1.0");
        long before = serial(project);

        HttpResponse<String> yanked = owner.post(api(project, "releases/1.0/yank"), "{\"reason\":\"broken <import>\"}");

        assertThat(yanked.statusCode()).as(yanked.body()).isEqualTo(200);
        assertThat(yanked.body()).contains("\"yanked\":true", "\"yankedReason\":\"broken <import>\"", "\"version\":\"1.0\"");
        assertThat(number("SELECT COUNT(*) FROM releases WHERE yanked = TRUE AND yanked_reason = 'broken <import>'"))
                .isEqualTo(1);
        assertThat(serial(project)).isGreaterThan(before);
        assertThat(stored(project, wheel(project, "1.0").filename())).exists();

        long yankedSerial = serial(project);
        HttpResponse<String> unyanked = owner.delete(api(project, "releases/1.0/yank"));

        assertThat(unyanked.statusCode()).isEqualTo(200);
        assertThat(unyanked.body()).contains("\"yanked\":false");
        assertThat(serial(project)).isGreaterThan(yankedSerial);
    }

    @Test
    void yankWithoutBodyHasNoReasonAndVersionMatchesByPep440() {
        String project = projectWithReleases("2.0");

        HttpResponse<String> yanked = owner.post(api(project, "releases/2.0.0/yank"), "");

        assertThat(yanked.statusCode()).as(yanked.body()).isEqualTo(200);
        assertThat(yanked.body()).contains("\"yanked\":true", "\"version\":\"2.0\"");
    }

    @Test
    void rejectsOverlongYankReason() {
        String project = projectWithReleases("1.0");

        HttpResponse<String> response = owner.post(api(project, "releases/1.0/yank"),
                "{\"reason\":\"" + "x".repeat(1001) + "\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("keep it to 1000");
    }

    @Test
    void maintainerMayYankAndDeleteFilesAndReleases() {
        String project = projectWithReleases("1.0", "2.0");

        assertThat(maintainer.post(api(project, "releases/1.0/yank"), "{}").statusCode()).isEqualTo(200);
        assertThat(maintainer.delete(api(project, "releases/1.0/yank")).statusCode()).isEqualTo(200);
        assertThat(maintainer.delete(api(project, "files/" + wheel(project, "1.0").filename())).statusCode())
                .isEqualTo(204);
        assertThat(maintainer.delete(api(project, "releases/2.0")).statusCode()).isEqualTo(204);
    }

    @Test
    void shouldNotYankOrDeleteWhenNotAuthorized() {
        String project = projectWithReleases("1.0");
        String file = wheel(project, "1.0").filename();

        for (ApiClient refused : List.of(reviewer, stranger)) {
            HttpResponse<String> yank = refused.post(api(project, "releases/1.0/yank"), "{}");
            assertThat(yank.statusCode()).isEqualTo(403);
            assertThat(yank.body()).contains("needs the owner or maintainer role", refused.user());
            assertThat(refused.delete(api(project, "files/" + file)).statusCode()).isEqualTo(403);
            assertThat(refused.delete(api(project, "releases/1.0")).statusCode()).isEqualTo(403);
        }
        assertThat(reviewer.post(api(project, "releases/1.0/yank"), "{}").body()).contains("is a reviewer");
        assertThat(stranger.post(api(project, "releases/1.0/yank"), "{}").body()).contains("has no role");
        assertThat(number("SELECT COUNT(*) FROM releases r JOIN projects p ON p.id = r.project_id "
                + "WHERE p.normalized_name = ? AND r.yanked = FALSE", project)).isEqualTo(1);
        assertThat(stored(project, file)).exists();
    }

    @Test
    void anonymousCallerMustAuthenticate() {
        String project = projectWithReleases("1.0");

        HttpResponse<String> response = ApiClient.anonymous(server.url()).post(api(project, "releases/1.0/yank"), "{}");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                challenge -> assertThat(challenge).startsWith("Basic"));
    }

    @Test
    void administratorMayYankAndDeleteWithoutARole() {
        String project = projectWithReleases("1.0", "2.0");

        assertThat(admin.post(api(project, "releases/1.0/yank"), "{\"reason\":\"policy\"}").statusCode()).isEqualTo(200);
        assertThat(admin.delete(api(project, "files/" + wheel(project, "1.0").filename())).statusCode()).isEqualTo(204);
        assertThat(admin.delete(api(project, "releases/2.0")).statusCode()).isEqualTo(204);
    }

    @Test
    void tokenForTheProjectWithUploadScopeMayYank() {
        String project = projectWithReleases("1.0");

        HttpResponse<String> response = token("max", project, TokenScope.UPLOAD).post(api(project, "releases/1.0/yank"), "{}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void shouldNotYankWithTokenForAnotherProjectOrWithoutUploadScope() {
        String project = projectWithReleases("1.0");
        String other = projectWithReleases("1.0");

        HttpResponse<String> otherProject = token("olive", other, TokenScope.UPLOAD)
                .post(api(project, "releases/1.0/yank"), "{}");
        HttpResponse<String> pushOnly = token("olive", project, TokenScope.PUSH)
                .delete(api(project, "releases/1.0"));
        HttpResponse<String> adminToken = token("ada", null, TokenScope.UPLOAD).delete(api(project, "releases/1.0"));

        assertThat(otherProject.statusCode()).isEqualTo(403);
        assertThat(otherProject.body()).contains("upload scope for this project");
        assertThat(pushOnly.statusCode()).isEqualTo(403);
        assertThat(adminToken.statusCode()).as("a token never carries administrator rights").isEqualTo(403);
        assertThat(stored(project, wheel(project, "1.0").filename())).exists();
    }

    @Test
    void deletingAFileRemovesRowFileAndMetadataAndItsNameCanNeverBeUploadedAgain() {
        String project = projectWithReleases("1.0");
        String file = wheel(project, "1.0").filename();
        assertThat(stored(project, file + ".metadata")).exists();
        long before = serial(project);

        assertThat(owner.delete(api(project, "files/" + file)).statusCode()).isEqualTo(204);

        assertThat(number("SELECT COUNT(*) FROM distribution_files WHERE filename = ?", file)).isZero();
        assertThat(number("SELECT COUNT(*) FROM used_file_names WHERE filename = ?", file)).isEqualTo(1);
        assertThat(stored(project, file)).doesNotExist();
        assertThat(stored(project, file + ".metadata")).doesNotExist();
        assertThat(serial(project)).isGreaterThan(before);
        HttpResponse<String> again = owner.upload(wheel(project, "1.0"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("File already exists");
        assertThat(owner.delete(api(project, "files/" + file)).statusCode()).as("gone now").isEqualTo(404);
    }

    @Test
    void deletingAReleaseRemovesItsFilesAndDependencies() {
        String project = projectWithReleases("1.0");
        uploaded(owner, new TinyWheel(project, "3.0", List.of("requests>=2", "idna")));
        String file = wheel(project, "3.0").filename();
        assertThat(number("SELECT COUNT(*) FROM dependencies WHERE dependency_name = 'idna'")).isPositive();
        long dependenciesBefore = number("SELECT COUNT(*) FROM dependencies");

        assertThat(owner.delete(api(project, "releases/3.0")).statusCode()).isEqualTo(204);

        assertThat(number("SELECT COUNT(*) FROM releases r JOIN projects p ON p.id = r.project_id "
                + "WHERE p.normalized_name = ? AND r.version = '3.0'", project)).isZero();
        assertThat(number("SELECT COUNT(*) FROM dependencies")).isEqualTo(dependenciesBefore - 2);
        assertThat(number("SELECT COUNT(*) FROM distribution_files WHERE filename = ?", file)).isZero();
        assertThat(stored(project, file)).doesNotExist();
        assertThat(stored(project, file + ".metadata")).doesNotExist();
        assertThat(stored(project, wheel(project, "1.0").filename())).as("other releases stay").exists();
        HttpResponse<String> again = owner.upload(new TinyWheel(project, "3.0", List.of("requests>=2", "idna")));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("File already exists");
    }

    @Test
    void releasePublishedWithTwineIsDeletedAndTwineCannotPublishItAgain(@TempDir Path work) {
        String name = "twined-" + databaseKind();
        Built built = PythonDistributions.build(work, Spec.of(name, "1.0").withDependencies("idna>=3"));
        PythonTools.twineUpload(server.url(), "olive", PASSWORD, built.wheel(), built.sdist()).assertSucceeded();
        String wheel = built.wheel().getFileName().toString();
        String sdist = built.sdist().getFileName().toString();
        assertThat(stored(name, wheel)).exists();
        assertThat(stored(name, sdist)).exists();

        assertThat(owner.delete(api(name, "releases/1.0")).statusCode()).isEqualTo(204);

        assertThat(stored(name, wheel)).doesNotExist();
        assertThat(stored(name, sdist + ".metadata")).doesNotExist();
        PythonTools.Outcome again = PythonTools.twineUpload(server.url(), "olive", PASSWORD, built.sdist());
        assertThat(again.exitCode()).isNotZero();
        assertThat(again.output()).contains("400", "File already exists");
    }

    @Test
    void unknownProjectVersionOrFileIsNotFound() {
        String project = projectWithReleases("1.0");
        String other = projectWithReleases("1.0");

        HttpResponse<String> noProject = owner.post(api("no-such-project", "releases/1.0/yank"), "{}");
        HttpResponse<String> noVersion = owner.post(api(project, "releases/9.9/yank"), "{}");
        HttpResponse<String> invalidVersion = owner.delete(api(project, "releases/not-a-version"));
        HttpResponse<String> noFile = owner.delete(api(project, "files/nothing-1.0.tar.gz"));
        HttpResponse<String> otherProjectsFile = owner.delete(api(project, "files/" + wheel(other, "1.0").filename()));

        assertThat(noProject.statusCode()).isEqualTo(404);
        assertThat(noProject.body()).contains("no project named 'no-such-project'");
        assertThat(noVersion.statusCode()).isEqualTo(404);
        assertThat(noVersion.body()).contains("has no release '9.9'");
        assertThat(invalidVersion.statusCode()).isEqualTo(404);
        assertThat(noFile.statusCode()).isEqualTo(404);
        assertThat(otherProjectsFile.statusCode()).isEqualTo(404);
        assertThat(stored(other, wheel(other, "1.0").filename())).exists();
    }
}
