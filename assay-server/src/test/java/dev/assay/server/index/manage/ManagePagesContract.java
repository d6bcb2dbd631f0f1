package dev.assay.server.index.manage;

import static dev.assay.server.index.manage.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.assay.server.testing.WebSession;

/** The management page and its forms, through a cookie-keeping HTTP session; run once per database. */
abstract class ManagePagesContract extends ManageFixture {

    WebSession loggedIn(String user) {
        WebSession session = new WebSession(server.url());
        session.logIn(user, PASSWORD);
        return session;
    }

    static String managePage(String project) {
        return "project/" + project + "/manage";
    }

    @Test
    void pageNeedsLoginAndLinksBackToTheProjectPage() {
        String project = projectWithReleases("1.0");
        WebSession session = new WebSession(server.url());

        assertThat(session.get(managePage(project)).uri().getPath()).isEqualTo("/login");
        HttpResponse<String> afterLogin = session.logIn("olive", PASSWORD);

        assertThat(afterLogin.uri().getPath()).as("back to the page asked for").isEqualTo("/" + managePage(project));
        Document page = Jsoup.parse(afterLogin.body());
        // the display name is the upload's spelling, which may be the file name's (underscores)
        assertThat(page.select("h1").text()).isIn("Manage " + project, "Manage " + project.replace('-', '_'));
        assertThat(page.select("a#project-page").attr("href")).isEqualTo("/project/" + project + "/");
        assertThat(page.text()).contains(wheel(project, "1.0").filename(), "max", "rita");
    }

    @Test
    void everyFormCarriesACsrfToken() {
        String project = projectWithReleases("1.0");

        Document page = loggedIn("olive").page(managePage(project));

        assertThat(page.select("main form")).hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(form -> assertThat(form.select("input[name=_csrf]").attr("value")).isNotBlank());
    }

    @Test
    void shouldNotShowThePageToReviewersOrStrangers() {
        String project = projectWithReleases("1.0");

        for (String user : new String[] {"rita", "sam"}) {
            HttpResponse<String> response = loggedIn(user).get(managePage(project));
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("needs the owner or maintainer role");
        }
        assertThat(loggedIn("ada").get(managePage(project)).statusCode()).isEqualTo(200);
        assertThat(loggedIn("olive").get(managePage("no-such-project")).statusCode()).isEqualTo(404);
    }

    @Test
    void yankAndUnyankThroughTheFormsWithFlashMessages() {
        String project = projectWithReleases("1.0");
        WebSession session = loggedIn("max");

        HttpResponse<String> yanked = session.submit(managePage(project), "form.yank",
                Map.of("reason", "<b>broken</b>"));

        Document page = Jsoup.parse(yanked.body());
        assertThat(yanked.uri().getPath()).isEqualTo("/" + managePage(project));
        assertThat(page.select(".notice").text()).contains("Release 1.0 is yanked");
        assertThat(page.select(".yank-reason").text()).isEqualTo("<b>broken</b>");
        assertThat(page.select(".yank-reason b")).as("the reason is escaped").isEmpty();
        assertThat(session.page(managePage(project)).select(".notice")).as("a flash is shown once").isEmpty();

        HttpResponse<String> unyanked = session.submit(managePage(project), "form.unyank", Map.of());
        assertThat(Jsoup.parse(unyanked.body()).select(".notice").text()).contains("no longer yanked");
        assertThat(number("SELECT COUNT(*) FROM releases r JOIN projects p ON p.id = r.project_id "
                + "WHERE p.normalized_name = ? AND r.yanked = FALSE", project)).isEqualTo(1);
    }

    @Test
    void deletingAFileNeedsItsNameTypedAsConfirmation() {
        String project = projectWithReleases("1.0");
        String file = wheel(project, "1.0").filename();
        WebSession session = loggedIn("olive");

        HttpResponse<String> unconfirmed = session.submit(managePage(project), "form.delete-file",
                Map.of("confirm", "yes"));

        assertThat(Jsoup.parse(unconfirmed.body()).select(".problem").text())
                .contains("Nothing was deleted", "type the file name '" + file + "'");
        assertThat(stored(project, file)).exists();

        HttpResponse<String> confirmed = session.submit(managePage(project), "form.delete-file", Map.of("confirm", file));

        assertThat(Jsoup.parse(confirmed.body()).select(".notice").text()).contains("File " + file + " was deleted");
        assertThat(stored(project, file)).doesNotExist();
        assertThat(owner.upload(wheel(project, "1.0")).body()).contains("File already exists");
    }

    @Test
    void deletingAReleaseNeedsItsVersionTypedAsConfirmation() {
        String project = projectWithReleases("1.0");
        WebSession session = loggedIn("ada");

        HttpResponse<String> unconfirmed = session.submit(managePage(project), "form.delete-release", Map.of("confirm", ""));
        assertThat(Jsoup.parse(unconfirmed.body()).select(".problem").text()).contains("type the version '1.0'");

        HttpResponse<String> confirmed = session.submit(managePage(project), "form.delete-release",
                Map.of("confirm", "1.0"));

        Document page = Jsoup.parse(confirmed.body());
        assertThat(page.select(".notice").text()).contains("Release 1.0 and its 1 file(s) were deleted");
        assertThat(page.text()).contains("The project has no releases.");
        assertThat(stored(project, wheel(project, "1.0").filename())).doesNotExist();
    }

    @Test
    void postWithoutCsrfTokenIsForbiddenAndChangesNothing() {
        String project = projectWithReleases("1.0");
        WebSession session = loggedIn("olive");

        HttpResponse<String> response = session.post(managePage(project) + "/releases/1.0/delete",
                Map.of("confirm", "1.0"));

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(stored(project, wheel(project, "1.0").filename())).exists();
    }

    @Test
    void ownerManagesRolesThroughTheFormsAndTheLastOwnerStays() {
        String project = projectWithReleases("1.0");
        WebSession session = loggedIn("olive");

        HttpResponse<String> added = session.submit(managePage(project), "form.add-role",
                Map.of("user", "sam", "role", "maintainer"));
        assertThat(Jsoup.parse(added.body()).select(".notice").text()).contains("sam is now a maintainer");
        assertThat(owner.get(api(project, "roles/sam")).body()).contains("maintainer");

        HttpResponse<String> lastOwner = session.submit(managePage(project), "#member-olive form.remove-role", Map.of());
        assertThat(Jsoup.parse(lastOwner.body()).select(".problem").text()).contains("'olive' is the last owner");

        HttpResponse<String> unknown = session.submit(managePage(project), "form.add-role",
                Map.of("user", "nobody", "role", "maintainer"));
        assertThat(Jsoup.parse(unknown.body()).select(".problem").text()).contains("no user named 'nobody'");

        HttpResponse<String> removed = session.submit(managePage(project), "#member-sam form.remove-role", Map.of());
        assertThat(Jsoup.parse(removed.body()).select(".notice").text()).contains("sam no longer has a role");
    }

    @Test
    void maintainerSeesNoRoleFormsAndMayNotPostThem() {
        String project = projectWithReleases("1.0");
        WebSession session = loggedIn("max");

        Document page = session.page(managePage(project));
        assertThat(page.select("form.add-role, form.change-role, form.remove-role")).isEmpty();
        assertThat(page.text()).contains("Only owners and administrators change who may act on the project.");

        String csrf = page.select("form.yank input[name=_csrf]").attr("value");
        HttpResponse<String> forged = session.post(managePage(project) + "/roles",
                Map.of("_csrf", csrf, "user", "max", "role", "owner"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(owner.get(api(project, "roles/max")).body()).contains("\"role\":\"maintainer\"");
    }
}
