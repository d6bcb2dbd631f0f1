package dev.assay.server.index.manage;

import static dev.assay.server.index.manage.ApiClient.api;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.tokens.TokenScope;

/** The REST API for project roles, per role, with the last-owner rule; run once per database. */
abstract class RoleManagementApiContract extends ManageFixture {

    @Test
    void ownerAddsChangesAndRemovesAMember() {
        String project = projectWithReleases("1.0");
        long before = serial(project);

        HttpResponse<String> added = owner.put(api(project, "roles/sam"), "{\"role\":\"reviewer\"}");
        HttpResponse<String> changed = owner.put(api(project, "roles/SAM"), "{\"role\":\"maintainer\"}");

        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).isEqualTo("{\"user\":\"sam\",\"role\":\"reviewer\"}");
        assertThat(changed.body()).contains("\"role\":\"maintainer\"");
        assertThat(stranger.get(api(project, "roles/sam")).body()).contains("\"role\":\"maintainer\"");
        assertThat(stranger.get(api(project, "roles")).body()).contains("\"user\":\"olive\",\"role\":\"owner\"",
                "\"user\":\"sam\",\"role\":\"maintainer\"");
        assertThat(serial(project)).isGreaterThan(before);

        assertThat(owner.delete(api(project, "roles/sam")).statusCode()).isEqualTo(204);
        assertThat(owner.get(api(project, "roles/sam")).statusCode()).isEqualTo(404);
        assertThat(owner.delete(api(project, "roles/sam")).statusCode()).isEqualTo(404);
    }

    @Test
    void newMaintainerMayYankAtOnce() {
        String project = projectWithReleases("1.0");
        owner.put(api(project, "roles/sam"), "{\"role\":\"maintainer\"}");

        assertThat(stranger.post(api(project, "releases/1.0/yank"), "{}").statusCode()).isEqualTo(200);
    }

    @Test
    void shouldNotManageRolesWhenNotAuthorized() {
        String project = projectWithReleases("1.0");

        for (ApiClient refused : List.of(maintainer, reviewer, stranger)) {
            HttpResponse<String> put = refused.put(api(project, "roles/sam"), "{\"role\":\"owner\"}");
            assertThat(put.statusCode()).isEqualTo(403);
            assertThat(put.body()).contains("needs the owner role");
            assertThat(refused.delete(api(project, "roles/olive")).statusCode()).isEqualTo(403);
        }
        HttpResponse<String> otherProjectToken = token("olive", projectWithReleases("1.0"), TokenScope.UPLOAD)
                .put(api(project, "roles/sam"), "{\"role\":\"owner\"}");
        assertThat(otherProjectToken.statusCode()).isEqualTo(403);
        assertThat(owner.get(api(project, "roles/sam")).statusCode()).isEqualTo(404);
        assertThat(ApiClient.anonymous(server.url()).get(api(project, "roles")).statusCode()).isEqualTo(401);
    }

    @Test
    void ownerTokenForTheProjectMayManageRoles() {
        String project = projectWithReleases("1.0");

        HttpResponse<String> response = token("olive", project, TokenScope.UPLOAD)
                .put(api(project, "roles/sam"), "{\"role\":\"reviewer\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void administratorManagesRolesWithoutARole() {
        String project = projectWithReleases("1.0");

        assertThat(admin.put(api(project, "roles/sam"), "{\"role\":\"owner\"}").statusCode()).isEqualTo(200);
        assertThat(admin.delete(api(project, "roles/olive")).statusCode()).isEqualTo(204);
        assertThat(admin.get(api(project, "roles")).body()).doesNotContain("olive").contains("\"user\":\"sam\"");
    }

    @Test
    void lastOwnerCannotBeRemovedOrDemoted() {
        String project = projectWithReleases("1.0");

        HttpResponse<String> removed = owner.delete(api(project, "roles/olive"));
        HttpResponse<String> demoted = admin.put(api(project, "roles/olive"), "{\"role\":\"maintainer\"}");

        assertThat(removed.statusCode()).isEqualTo(409);
        assertThat(removed.body()).contains("'olive' is the last owner", "make another user an owner first");
        assertThat(demoted.statusCode()).isEqualTo(409);
        assertThat(owner.get(api(project, "roles/olive")).body()).contains("\"role\":\"owner\"");

        assertThat(owner.put(api(project, "roles/max"), "{\"role\":\"owner\"}").statusCode()).isEqualTo(200);
        assertThat(owner.put(api(project, "roles/olive"), "{\"role\":\"maintainer\"}").statusCode()).isEqualTo(200);
        assertThat(maintainer.delete(api(project, "roles/max")).statusCode()).as("now the last owner").isEqualTo(409);
    }

    @Test
    void badRoleRequestsSayWhatToFix() {
        String project = projectWithReleases("1.0");

        HttpResponse<String> unknownRole = owner.put(api(project, "roles/sam"), "{\"role\":\"admin\"}");
        HttpResponse<String> missingRole = owner.put(api(project, "roles/sam"), "{}");
        HttpResponse<String> unknownUser = owner.put(api(project, "roles/nobody"), "{\"role\":\"maintainer\"}");
        HttpResponse<String> unknownProject = owner.put(api("no-such-project", "roles/sam"), "{\"role\":\"maintainer\"}");

        assertThat(unknownRole.statusCode()).isEqualTo(400);
        assertThat(unknownRole.body()).contains("use owner, maintainer or reviewer");
        assertThat(missingRole.statusCode()).isEqualTo(400);
        assertThat(missingRole.body()).contains("Missing role");
        assertThat(unknownUser.statusCode()).isEqualTo(404);
        assertThat(unknownUser.body()).contains("no user named 'nobody'");
        assertThat(unknownProject.statusCode()).isEqualTo(404);
    }
}
