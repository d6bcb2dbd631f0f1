package dev.assay.server.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.assay.server.accounts.tokens.TokenScope;
import dev.assay.server.testing.TestDistributions;
import dev.assay.server.testing.WebSession;

/** The git REST API, protected-branch settings and creating projects before their first upload. */
abstract class GitApiContract extends GitFixture {

    @Test
    void listsBranchesTagsAndPagesOfCommits() {
        String project = newProject();
        Path work = cloned(project);
        String url = tokenUrl(project, token("olive", project, TokenScope.PUSH));
        for (int i = 1; i <= 34; i++) {
            git.run(work, "commit", "-q", "--allow-empty", "-m", "Commit " + i).succeeded();
        }
        String last = git.commit(work, "src/demo/__init__.py", "VERSION = '1.0'\n", "Commit 35");
        git.run(work, "tag", "light").succeeded();
        git.run(work, "tag", "-a", "v1.0", "-m", "Version 1.0").succeeded();
        git.run(work, "branch", "feature/x", "HEAD~5").succeeded();
        git.run(work, "push", url, "main", "feature/x", "light", "v1.0").succeeded();

        assertThat(get(api(project, "branches")).body()).isEqualTo("[{\"name\":\"feature/x\",\"commit\":\""
                + git.head(work, "HEAD~5") + "\",\"isProtected\":false},{\"name\":\"main\",\"commit\":\"" + last
                + "\",\"isProtected\":true}]");
        assertThat(get(api(project, "tags")).body()).isEqualTo("[{\"name\":\"light\",\"commit\":\"" + last
                + "\",\"annotated\":false},{\"name\":\"v1.0\",\"commit\":\"" + last + "\",\"annotated\":true}]");
        HttpResponse<String> first = get(api(project, "commits"));
        HttpResponse<String> second = get(api(project, "commits?ref=main&page=2"));
        HttpResponse<String> feature = get(api(project, "commits?ref=feature/x"));
        assertThat(first.body()).contains("\"hasMore\":true", "\"id\":\"" + last + "\"", "\"summary\":\"Commit 35\"",
                "\"authorName\":\"Test Packager\"", "\"authorEmail\":\"packager@example.org\"");
        assertThat(first.body().split("\"summary\"")).hasSize(31);
        assertThat(second.body()).contains("\"page\":2", "\"hasMore\":false", "\"summary\":\"Commit 1\"")
                .doesNotContain("Commit 6\"");
        assertThat(second.body().split("\"summary\"")).hasSize(6);
        assertThat(feature.body()).contains("\"resolved\":\"" + git.head(work, "HEAD~5") + "\"", "Commit 30\"")
                .doesNotContain("Commit 31\"");
    }

    @Test
    void readsRawFilesAtAnyRef() throws Exception {
        String project = newProject();
        Path work = cloned(project);
        String url = tokenUrl(project, token("olive", project, TokenScope.PUSH));
        git.commit(work, "src/demo/page.html", "<script>alert(1)</script>\n", "Old");
        git.run(work, "tag", "v1").succeeded();
        git.commit(work, "src/demo/page.html", "<p>new</p>\n", "New");
        Files.write(work.resolve("big.bin"), new byte[(int) GitReader.MAX_FILE_BYTES + 1]);
        git.run(work, "add", "big.bin").succeeded();
        git.run(work, "commit", "-q", "-m", "Big").succeeded();
        git.run(work, "push", url, "main", "v1").succeeded();

        HttpResponse<String> current = get(api(project, "files/src/demo/page.html"));
        HttpResponse<String> old = get(api(project, "files/src/demo/page.html?ref=v1"));
        assertThat(current.statusCode()).isEqualTo(200);
        assertThat(current.body()).isEqualTo("<p>new</p>\n");
        assertThat(current.headers().firstValue("Content-Type")).hasValue("text/plain;charset=UTF-8");
        assertThat(current.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment");
        assertThat(current.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(old.body()).isEqualTo("<script>alert(1)</script>\n");

        assertThat(get(api(project, "files/big.bin")).statusCode()).isEqualTo(413);
        assertThat(get(api(project, "files/big.bin")).body()).contains("clone the repository");
        assertThat(get(api(project, "files/missing.txt")).statusCode()).isEqualTo(404);
        assertThat(get(api(project, "files/src/demo")).statusCode()).isEqualTo(400);
        assertThat(get(api(project, "files/src/demo/page.html?ref=no-such-branch")).statusCode()).isEqualTo(404);
        assertThat(get(api(project, "files/src/../src/demo/page.html")).statusCode()).isIn(400, 404);
        assertThat(get(api("no-such-project", "branches")).statusCode()).isEqualTo(404);
    }

    @Test
    void anEmptyRepositoryHasNoBranchesAndNoCommits() {
        String project = newProject();

        assertThat(get(api(project, "branches")).body()).isEqualTo("[]");
        assertThat(get(api(project, "commits")).body()).contains("\"commits\":[]");
        assertThat(get(api(project, "commits?page=0")).statusCode()).isEqualTo(400);
    }

    @Test
    void ownersSetProtectedBranchesOthersMayNot() {
        String project = newProject();
        String path = api(project, "protected-branches");
        String change = "{\"branches\":[\"main\",\"refs/heads/release/1.x\"]}";

        assertThat(get(path).body()).isEqualTo("{\"branches\":[\"main\",\"master\"],\"changesOnly\":[]}");
        for (String refused : List.of("max", "rita", "sam")) {
            HttpResponse<String> response = send("PUT", path, refused, PASSWORD, change);
            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("needs the owner role");
        }
        assertThat(send("PUT", path, null, null, change).statusCode()).isEqualTo(401);
        HttpResponse<String> invalid = send("PUT", path, "olive", PASSWORD, "{\"branches\":[\"bad..name\"]}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("'bad..name' is not a valid branch name");
        assertThat(get(path).body()).isEqualTo("{\"branches\":[\"main\",\"master\"],\"changesOnly\":[]}");

        HttpResponse<String> changed = send("PUT", path, "olive", PASSWORD, change);
        assertThat(changed.body()).isEqualTo("{\"branches\":[\"main\",\"release/1.x\"],\"changesOnly\":[]}");
        assertThat(send("PUT", path, "ada", PASSWORD, "{\"branches\":[]}").statusCode()).isEqualTo(200);
        assertThat(get(path).body()).isEqualTo("{\"branches\":[],\"changesOnly\":[]}");
    }

    @Test
    void changesOnlyBranchesAreASubsetOfTheProtectedOnesAndRoundTrip() {
        String project = newProject();
        String path = api(project, "protected-branches");

        HttpResponse<String> outside = send("PUT", path, "olive", PASSWORD,
                "{\"branches\":[\"main\"],\"changesOnly\":[\"main\",\"release\"]}");
        HttpResponse<String> invalid = send("PUT", path, "olive", PASSWORD,
                "{\"branches\":[\"main\"],\"changesOnly\":[\"bad..name\"]}");
        HttpResponse<String> byMaintainer = send("PUT", path, "max", PASSWORD,
                "{\"branches\":[\"main\"],\"changesOnly\":[\"main\"]}");

        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body()).contains("changesOnly names [release], which is not in branches");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(byMaintainer.statusCode()).isEqualTo(403);
        assertThat(get(path).body()).isEqualTo("{\"branches\":[\"main\",\"master\"],\"changesOnly\":[]}");

        HttpResponse<String> changed = send("PUT", path, "olive", PASSWORD,
                "{\"branches\":[\"main\",\"dev\"],\"changesOnly\":[\"refs/heads/main\"]}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(changed.body()).isEqualTo("{\"branches\":[\"dev\",\"main\"],\"changesOnly\":[\"main\"]}");
        assertThat(get(path).body()).isEqualTo(changed.body());
        send("PUT", path, "olive", PASSWORD, "{\"branches\":[\"main\"]}");
        assertThat(get(path).body()).isEqualTo("{\"branches\":[\"main\"],\"changesOnly\":[]}");
    }

    @Test
    void ownersTickProtectedAndChangesOnlyBranchesOnThePageWithCsrf() {
        String project = newProject();
        String page = "project/" + project + "/branches";
        WebSession olive = new WebSession(server.url());
        olive.logIn("olive", PASSWORD);
        assertThat(olive.page("project/" + project + "/manage").select("#branches-page").attr("href")).endsWith(page);
        assertThat(olive.page(page).select("tr.branch .branch-name").eachText()).containsExactly("main", "master");

        HttpResponse<String> saved = olive.submit(page, "#protected-branches",
                Map.of("protected:main", "on", "changes-only:main", "on", "add", "release/1.x"));
        HttpResponse<String> outside = olive.submit(page, "#protected-branches", Map.of("changes-only:dev", "on"));
        HttpResponse<String> forged = olive.post(page, Map.of("protected:main", "on"));

        assertThat(saved.body()).contains("Saved: 2 protected branches, 1 of them taking changes only");
        assertThat(outside.body()).contains("changesOnly names [dev], which is not in branches");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(get(api(project, "protected-branches")).body())
                .isEqualTo("{\"branches\":[\"main\",\"release/1.x\"],\"changesOnly\":[\"main\"]}");
        Document shown = olive.page(page);
        assertThat(shown.select("#branch-main input.changes-only").hasAttr("checked")).isTrue();
        assertThat(shown.select("tr.branch input.protected[checked]").size()).isEqualTo(2);

        WebSession max = new WebSession(server.url());
        max.logIn("max", PASSWORD);
        Document seenByMax = max.page(page);
        assertThat(seenByMax.select("tr.branch input[disabled]")).hasSize(4);
        assertThat(seenByMax.select("#add-branch")).isEmpty();
        assertThat(max.submit(page, "#protected-branches", Map.of()).statusCode()).isEqualTo(403);
    }

    @Test
    void createsProjectsThroughTheApiWithTheCallerAsOwner() {
        HttpResponse<String> created = send("POST", "api/v1/projects", "sam", PASSWORD, "{\"name\":\"Sams.Tool\"}");

        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).isEqualTo("{\"name\":\"Sams.Tool\",\"normalizedName\":\"sams-tool\","
                + "\"page\":\"/project/sams-tool/\",\"git\":\"/git/sams-tool.git\"}");
        assertThat(send("GET", api("sams-tool", "roles/sam"), "sam", PASSWORD, null).body()).contains("\"role\":\"owner\"");
        assertThat(Files.isRegularFile(bareRepository("sams-tool").resolve("HEAD"))).isTrue();
        assertThat(get(api("sams-tool", "protected-branches")).body()).contains("main", "master");

        HttpResponse<String> clash = send("POST", "api/v1/projects", "olive", PASSWORD, "{\"name\":\"sams_tool\"}");
        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(clash.body()).contains("The name 'sams_tool' is taken");
        HttpResponse<String> invalid = send("POST", "api/v1/projects", "olive", PASSWORD, "{\"name\":\"-bad name\"}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(send("POST", "api/v1/projects", "olive", PASSWORD, "{}").statusCode()).isEqualTo(400);
        assertThat(send("POST", "api/v1/projects", null, null, "{\"name\":\"anonymous\"}").statusCode()).isEqualTo(401);
        String limited = token("olive", "other-project", TokenScope.UPLOAD);
        assertThat(send("POST", "api/v1/projects", "__token__", limited, "{\"name\":\"by-token\"}").statusCode())
                .isEqualTo(403);
    }

    @Test
    void createsProjectsOnThePageWithCsrf() {
        WebSession anonymous = new WebSession(server.url());
        assertThat(anonymous.get("projects/new").uri().getPath()).isEqualTo("/login");

        WebSession olive = new WebSession(server.url());
        olive.logIn("olive", PASSWORD);
        HttpResponse<String> created = olive.submit("projects/new", "form[action$=/projects/new]",
                Map.of("name", "Paged.Project"));
        HttpResponse<String> clash = olive.submit("projects/new", "form[action$=/projects/new]",
                Map.of("name", "paged-project"));
        HttpResponse<String> forged = olive.post("projects/new", Map.of("name", "forged"));

        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.uri().getPath()).isEqualTo("/project/paged-project/");
        assertThat(clash.body()).contains("The name &#39;paged-project&#39; is taken");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(get(api("forged", "branches")).statusCode()).isEqualTo(404);
    }

    @Test
    void aProjectCreatedByItsFirstUploadGetsARepository() throws Exception {
        TestDistributions.Spec spec = new TestDistributions.Spec("uploaded-" + databaseKind(), "1.0", List.of(), "");
        Path wheel = TestDistributions.wheel(Files.createTempDirectory(scratch, "wheel"), spec);
        spec.upload(wheel, server.url(), "olive", PASSWORD);

        Path work = cloned(spec.name());
        git.commit(work, "README.md", "# uploaded\n", "Sources");
        git.run(work, "push", tokenUrl(spec.name(), token("olive", spec.name(), TokenScope.PUSH)), "main").succeeded();
        assertThat(get(api(spec.name(), "protected-branches")).body()).contains("main", "master");
    }

    private static String api(String project, String rest) {
        return "api/v1/projects/" + project + "/" + rest;
    }
}
