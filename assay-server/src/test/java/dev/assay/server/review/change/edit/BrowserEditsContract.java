package dev.assay.server.review.change.edit;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.assay.server.review.change.ChangeRequest;
import dev.assay.server.review.change.Revision;
import dev.assay.server.testing.WebSession;

/** Editing, adding and deleting files in the browser: a commit on a new branch and a change request each time. */
abstract class BrowserEditsContract extends EditFixture {

    @Test
    void aContributorWithoutARoleEditsAFileIntoTheirOwnBranchAndOpensAChangeRequest() {
        String project = newProject();
        WebSession sam = session("sam");
        Document blob = sam.page("project/" + project + "/source/blob/main/src/calc.py");
        assertThat(blob.selectFirst("#edit-link")).isNotNull();
        assertThat(blob.selectFirst("#delete-link")).isNotNull();
        Document form = sam.page("project/" + project + "/source/edit/main/src/calc.py");
        assertThat(form.selectFirst("textarea[name=text]").val()).contains("Y = 2");

        // a textarea sends CRLF or LF and a final newline: the file keeps CRLF and its lack of one
        HttpResponse<String> saved = sam.submit("project/" + project + "/source/edit/main/src/calc.py", "#edit-form",
                Map.of("text", "X = 1\nY = 20\nZ = 3\n", "summary", "Make Y larger", "description", "It was small."));

        long number = changeNumber(saved);
        ChangeRequest opened = changeRequest(number);
        assertThat(opened.sourceBranch()).contains("users/sam/patch-1");
        assertThat(opened.targetBranch()).isEqualTo("main");
        assertThat(opened.title()).isEqualTo("Make Y larger");
        assertThat(opened.description()).isEqualTo("It was small.");
        assertThat(opened.authorName()).isEqualTo("sam");
        List<Revision> revisions = revisions(number);
        assertThat(revisions).extracting(Revision::number).containsExactly(1);
        assertThat(fetched(project, "users/sam/patch-1", "src/calc.py")).isEqualTo("X = 1\r\nY = 20\r\nZ = 3");
        assertThat(fetched(project, Revision.refName(number, 1), "src/calc.py")).isEqualTo("X = 1\r\nY = 20\r\nZ = 3");
        java.nio.file.Path clone = cloned(project);
        git.run(clone, "fetch", "-q", "origin", "users/sam/patch-1").succeeded();
        assertThat(git.run(clone, "log", "-1", "--format=%an|%ae|%s|%b", "FETCH_HEAD").succeeded().output().strip())
                .isEqualTo("sam|sam@example.org|Make Y larger|It was small.");
        assertThat(git.head(clone, "FETCH_HEAD^")).isEqualTo(git.head(clone, "origin/main"));
        assertThat(revisions.get(0).commit()).isEqualTo(git.head(clone, "FETCH_HEAD"));

        HttpResponse<String> again = sam.submit("project/" + project + "/source/edit/main/README.md", "#edit-form",
                Map.of("text", "hello, world\n"));
        assertThat(changeRequest(changeNumber(again)).sourceBranch()).contains("users/sam/patch-2");
        assertThat(changeRequest(changeNumber(again)).title()).isEqualTo("Update README.md");
    }

    @Test
    void aMaintainersEditGoesToABranchNamedAfterThem() {
        String project = newProject();
        HttpResponse<String> saved = session("max").submit("project/" + project + "/source/edit/main/README.md",
                "#edit-form", Map.of("text", "hello there\n", "summary", "Greet"));

        ChangeRequest opened = changeRequest(changeNumber(saved));
        assertThat(opened.sourceBranch()).contains("max-patch-1");
        assertThat(fetched(project, "max-patch-1", "README.md")).isEqualTo("hello there\n");
    }

    @Test
    void newFilesAndDeletionsAreProposedTheSameWay() {
        String project = newProject();
        WebSession sam = session("sam");
        assertThat(sam.page("project/" + project + "/source/tree/main/src").selectFirst("#new-file-link")).isNotNull();

        HttpResponse<String> created = sam.submit("project/" + project + "/source/new/main/src", "#edit-form",
                Map.of("path", "pkg/util.py", "text", "A = 1\r\n"));
        ChangeRequest added = changeRequest(changeNumber(created));
        assertThat(added.title()).isEqualTo("Create src/pkg/util.py");
        assertThat(fetched(project, "users/sam/patch-1", "src/pkg/util.py")).isEqualTo("A = 1\n");

        HttpResponse<String> deleted = sam.submit("project/" + project + "/source/delete/main/README.md", "#edit-form",
                Map.of());
        assertThat(changeRequest(changeNumber(deleted)).title()).isEqualTo("Delete README.md");
        java.nio.file.Path clone = cloned(project);
        git.run(clone, "fetch", "-q", "origin", "users/sam/patch-2").succeeded();
        assertThat(git.run(clone, "ls-tree", "-r", "--name-only", "FETCH_HEAD").succeeded().output().strip())
                .isEqualTo("logo.bin\nsrc/calc.py");
    }

    @Test
    void aFormShownBeforeTheBranchMovedStillCommitsOnTheCommitItWasShownFor() {
        String project = newProject();
        WebSession sam = session("sam");
        Map<String, String> fields = hiddenFields(sam.page("project/" + project + "/source/edit/main/README.md"));
        String shownFor = fields.get("commit");
        java.nio.file.Path clone = cloned(project);
        git.commit(clone, "NEWS", "news\n", "News");
        String token = server.bean(dev.assay.server.accounts.tokens.TokenService.class).create(
                new dev.assay.server.accounts.tokens.NewToken("olive", "push", project,
                        java.util.Set.of(dev.assay.server.accounts.tokens.TokenScope.PUSH))).secret();
        git.run(clone, "push", "-q", "http://__token__:" + token + "@127.0.0.1:" + server.port() + "/git/" + project
                + ".git", "HEAD:refs/heads/main").succeeded();

        fields.put("text", "hello again\n");
        HttpResponse<String> saved = sam.post("project/" + project + "/source/edit/main/README.md", fields);

        long number = changeNumber(saved);
        java.nio.file.Path check = cloned(project);
        git.run(check, "fetch", "-q", "origin", "users/sam/patch-1").succeeded();
        assertThat(git.head(check, "FETCH_HEAD^")).isEqualTo(shownFor);
        assertThat(revisions(number)).hasSize(1);
    }

    @Test
    void theEditorShowsMarkupInAFileAsText() {
        String project = newProject();
        WebSession sam = session("sam");
        String hostile = "</textarea><script>alert(1)</script>\n";
        sam.submit("project/" + project + "/source/new/main", "#edit-form", Map.of("path", "x.html", "text", hostile));

        Document form = sam.page("project/" + project + "/source/edit/users/sam/patch-1/x.html");

        assertThat(form.select("script:containsData(alert)")).isEmpty();
        assertThat(form.selectFirst("textarea[name=text]").val()).contains("</textarea><script>alert(1)</script>");
        assertThat(form.selectFirst("#edit-branch").text()).isEqualTo("users/sam/patch-1");
    }

    @Test
    void binaryFilesAreNotEditableButMayBeDeleted() {
        String project = newProject();
        WebSession sam = session("sam");
        Document blob = sam.page("project/" + project + "/source/blob/main/logo.bin");
        assertThat(blob.selectFirst("#edit-link")).isNull();
        assertThat(blob.selectFirst("#delete-link")).isNotNull();

        HttpResponse<String> refused = sam.get("project/" + project + "/source/edit/main/logo.bin");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("binary file");
    }

    @Test
    void onlySignedInReadersEditAndOnlyOnABranch() {
        String project = newProject();
        WebSession anonymous = new WebSession(server.url());
        assertThat(anonymous.page("project/" + project + "/source/blob/main/README.md").selectFirst("#edit-link"))
                .isNull();
        assertThat(anonymous.get("project/" + project + "/source/edit/main/README.md").uri().getPath())
                .isEqualTo("/login");

        WebSession sam = session("sam");
        Map<String, String> fields = hiddenFields(sam.page("project/" + project + "/source/edit/main/README.md"));
        fields.remove("_csrf");
        fields.put("text", "forged\n");
        assertThat(sam.post("project/" + project + "/source/edit/main/README.md", fields).statusCode())
                .isEqualTo(403);

        String commit = hiddenFields(sam.page("project/" + project + "/source/edit/main/README.md")).get("commit");
        assertThat(sam.page("project/" + project + "/source/blob/" + commit + "/README.md").selectFirst("#edit-link"))
                .isNull();
        assertThat(sam.get("project/" + project + "/source/edit/" + commit + "/README.md").statusCode())
                .isEqualTo(404);
        assertThat(sam.get("project/" + project + "/source/edit/main/missing.txt").statusCode()).isEqualTo(404);

        assertThat(api("olive").put("api/v1/projects/" + project + "/visibility", "{\"visibility\":\"private\"}")
                .statusCode()).isEqualTo(200);
        assertThat(sam.get("project/" + project + "/source/edit/main/README.md").statusCode()).isEqualTo(404);
        assertThat(sam.post("project/" + project + "/source/edit/main/README.md", fields).statusCode())
                .isEqualTo(403);
        assertThat(session("max").get("project/" + project + "/source/edit/main/README.md").statusCode())
                .isEqualTo(200);
    }

    @Test
    void badPathsAndUnchangedFilesAreRefusedWithAMessage() {
        String project = newProject();
        WebSession sam = session("sam");

        HttpResponse<String> escaping = sam.submit("project/" + project + "/source/new/main", "#edit-form",
                Map.of("path", "../outside.txt", "text", "x"));
        assertThat(escaping.statusCode()).isEqualTo(400);
        assertThat(escaping.body()).contains("outside.txt");
        HttpResponse<String> existing = sam.submit("project/" + project + "/source/new/main", "#edit-form",
                Map.of("path", "README.md", "text", "x"));
        assertThat(existing.statusCode()).isEqualTo(409);
        HttpResponse<String> unchanged = sam.submit("project/" + project + "/source/edit/main/src/calc.py",
                "#edit-form", Map.of("text", "X = 1\r\nY = 2\r\nZ = 3"));
        assertThat(unchanged.statusCode()).isEqualTo(400);
        assertThat(unchanged.body()).contains("Nothing changed");
        java.nio.file.Path clone = cloned(project);
        assertThat(git.run(clone, "ls-remote", "origin").succeeded().output()).doesNotContain("users/sam");
    }

    private static Map<String, String> hiddenFields(Document page) {
        Map<String, String> fields = new HashMap<>();
        page.select("#edit-form input[type=hidden]").forEach(input -> fields.put(input.attr("name"), input.val()));
        return fields;
    }
}
