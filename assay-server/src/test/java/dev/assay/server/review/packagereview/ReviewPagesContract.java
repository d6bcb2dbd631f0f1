package dev.assay.server.review.packagereview;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.assay.server.git.GitCommand;
import dev.assay.server.testing.WebSession;

/**
 * The {@code /reviews} pages as people use them without JavaScript: the list with its filters and counts, a
 * review's page with the held release, its checklist and timeline, and the actions as CSRF forms offered only to
 * those who may use them.
 */
abstract class ReviewPagesContract extends ReviewFixture {

    private long heldReview(String project) {
        return heldReview(project, "carol");
    }

    private long heldReview(String project, String contributor) {
        upload(project, "1.0", contributor);
        return reviewOf(project, contributor);
    }

    @Test
    void theListShowsReviewsWithCountsAndFiltersToThoseWhoMayReadThem() {
        String project = unique("page-list");
        long review = heldReview(project);

        Document forRita = signedIn("rita").page("reviews?state=new");
        Document forSam = signedIn("sam").page("reviews");
        Document mine = signedIn("carol").page("reviews?mine=true");

        assertThat(forRita.getElementById("review-" + review)).isNotNull();
        assertThat(forRita.getElementById("review-" + review).text()).contains(project, "carol", "new", "sponsor needed");
        assertThat(forRita.getElementById("count-new").text()).matches("new \\(\\d+\\)");
        assertThat(forRita.selectFirst("#filter-state option[selected]").attr("value")).isEqualTo("new");
        assertThat(forSam.getElementById("review-" + review)).isNull();
        assertThat(new WebSession(server.url()).page("reviews").getElementById("review-" + review)).isNull();
        assertThat(mine.getElementById("review-" + review)).isNotNull();
        assertThat(mine.getElementById("count-mine")).isNotNull();
    }

    @Test
    void aReviewPageShowsTheHeldReleaseAndOffersOnlyTheActionsTheReaderMayTake() {
        String project = unique("page-detail");
        long review = heldReview(project);

        Document forSpencer = signedIn("spencer").page("reviews/" + review);
        Document forCarol = signedIn("carol").page("reviews/" + review);

        assertThat(forSpencer.getElementById("review-state").text()).isEqualTo("new");
        assertThat(forSpencer.getElementById("description").html()).contains("<em>adds</em>");
        assertThat(forSpencer.getElementById("iteration-1").select("a.file-link").text()).contains(".whl");
        assertThat(forSpencer.getElementById("project-source").attr("href")).isEqualTo("/project/" + project + "/source");
        assertThat(forSpencer.getElementById("check-built")).isNotNull();
        assertThat(forSpencer.getElementById("threads")).isNotNull();
        assertThat(forSpencer.select("#timeline li").text()).contains("opened", "iteration");
        assertThat(forSpencer.getElementById("action-take")).isNotNull();
        assertThat(forSpencer.getElementById("action-approve")).as("not taken yet").isNull();
        assertThat(forSpencer.select("#action-take input[name=_csrf]")).hasSize(1);
        assertThat(forCarol.getElementById("actions")).as("nobody reviews their own project").isNull();
        assertThat(signedIn("sam").get("reviews/" + review).statusCode()).isEqualTo(404);
        assertThat(new WebSession(server.url()).get("reviews/" + review).statusCode()).isEqualTo(404);
    }

    @Test
    void aSponsorTakesAndApprovesWithTheFormsAndTheProjectIsPublished() {
        String project = unique("page-approve");
        long review = heldReview(project, newContributor());
        WebSession spencer = signedIn("spencer");
        WebSession rita = signedIn("rita");

        spencer.submit("reviews/" + review, "#action-take", Map.of());
        Document taken = rita.page("reviews/" + review);
        assertThat(taken.getElementById("review-flag").text()).isEqualTo("?");
        assertThat(taken.getElementById("review-reviewer").text()).isEqualTo("spencer");
        HttpResponse<String> approved = spencer.submit("reviews/" + review, "#action-approve", Map.of());

        assertThat(approved.statusCode()).isEqualTo(200);
        assertThat(spencer.page("reviews/" + review).getElementById("review-state").text()).isEqualTo("approved");
        assertThat(read("simple/" + project + "/", null, null).statusCode()).isEqualTo(200);
        assertThat(new WebSession(server.url()).get("project/" + project + "/").statusCode()).isEqualTo(200);
    }

    @Test
    void aFormWithoutItsCsrfTokenOrReasonIsRefusedAndSaysWhy() {
        long review = heldReview(unique("page-refused"));
        WebSession spencer = signedIn("spencer");

        HttpResponse<String> forged = spencer.post("reviews/" + review + "/take", Map.of());
        spencer.submit("reviews/" + review, "#action-take", Map.of());
        HttpResponse<String> noReason = spencer.submit("reviews/" + review, "#action-needs-work", Map.of("reason", " "));

        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(noReason.statusCode()).isEqualTo(200);
        assertThat(Jsoup.parse(noReason.body()).getElementById("problem").text()).contains("reason is required");
        assertThat(spencer.page("reviews/" + review).getElementById("review-state").text()).isEqualTo("in-review");
    }

    @Test
    void anAdministratorConfiguresTheChecklistAndTheReviewerTicksItWithAComment() {
        long review = heldReview(unique("page-checklist"));
        WebSession ada = signedIn("ada");
        String text = "The licence is approved " + unique("x");
        ada.submit("admin/review-checklist", "#add-item", Map.of("section", "MUST", "text", text));
        WebSession rita = signedIn("rita");

        Document page = rita.page("reviews/" + review);
        String itemId = page.select("#manual-checklist tr").stream().filter(row -> row.text().contains(text))
                .findFirst().orElseThrow().id().substring("item-".length());
        rita.submit("reviews/" + review, "#mark-" + itemId, Map.of("verdict", "fail", "comment", "GPL-3.0 <b>only</b>"));

        Document ticked = signedIn("carol").page("reviews/" + review);
        assertThat(ticked.getElementById("item-" + itemId).text()).contains("fail", "GPL-3.0 <b>only</b>", "by rita");
        assertThat(ticked.getElementById("mark-" + itemId)).as("the contributor does not tick").isNull();
        assertThat(ticked.select("#timeline li").text()).contains("checked");
        assertThat(rita.get("admin/review-checklist").statusCode()).isEqualTo(403);
        assertThat(ada.page("admin/review-checklist").getElementById("checklist-items").text()).contains(text);
    }

    @Test
    void theProfileOffersTokensWithTheReviewScope() {
        assertThat(signedIn("rita").page("profile").select("input[name=scope][value=review]")).hasSize(1);
    }

    @Test
    void theRepositoryAsItStoodAtTheIterationIsListedAndItsLinesTakeComments(@TempDir Path temporary) throws IOException {
        String project = unique("repo-review");
        assertThat(api("carol").post("api/v1/projects", "{\"name\":\"" + project + "\"}").statusCode()).isEqualTo(201);
        Path work = Files.createDirectories(temporary.resolve("work"));
        Files.createDirectories(work.resolve("src"));
        Files.writeString(work.resolve("src/calc.py"), "def add(a, b):\n    return a + b\n");
        GitCommand git = new GitCommand(Files.createDirectories(temporary.resolve("home")));
        git.run(work, "init", "-q").succeeded();
        git.run(work, "add", ".").succeeded();
        git.run(work, "commit", "-q", "-m", "First").succeeded();
        String remote = "http://carol:" + PASSWORD.replace(" ", "%20") + "@127.0.0.1:" + server.port() + "/git/"
                + project + ".git";
        git.run(work, "push", remote, "main").succeeded();
        upload(project, "1.0", "carol");
        long review = reviewOf(project, "carol");

        Document contents = signedIn("rita").page("reviews/" + review + "/iterations/1/contents");
        assertThat(contents.getElementById("repository-ref").text()).isEqualTo("main");
        assertThat(contents.select("#repository-files a.repository-file").eachAttr("data-path"))
                .containsExactly("git/src/calc.py");
        HttpResponse<String> inline = api("rita").post("api/v1/reviews/" + review + "/threads",
                "{\"path\":\"git/src/calc.py\",\"line\":2,\"body\":\"No type hints?\"}");
        HttpResponse<String> outOfRange = api("rita").post("api/v1/reviews/" + review + "/threads",
                "{\"path\":\"git/src/calc.py\",\"line\":9,\"body\":\"Where?\"}");
        Files.writeString(work.resolve("src/calc.py"), "import os\n\ndef add(a, b):\n    return a - b\n");
        git.run(work, "commit", "-q", "-a", "-m", "Moves on").succeeded();
        git.run(work, "push", remote, "main").succeeded();
        Document file = signedIn("rita").page("reviews/" + review + "/conversation/file?iteration=1&path=git/src/calc.py");

        assertThat(inline.statusCode()).as(inline.body()).isEqualTo(201);
        assertThat(outOfRange.statusCode()).isEqualTo(400);
        assertThat(file.select("#L2 article.thread .comment-body").text()).isEqualTo("No type hints?");
        assertThat(file.select("#L2 code").first().text()).as("the iteration keeps the commit it was uploaded at")
                .isEqualTo("return a + b");
    }
}
